package org.lectern.registration;

import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.lectern.identity.ApiTokenService;
import org.lectern.identity.LecternUser;
import org.lectern.identity.UserService;
import org.lectern.shared.crypto.PersonalDataCipher;
import org.lectern.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * An integration test of the public registration path with one organisation and its organiser, made
 * once for the class (same shared context as every {@link IntegrationTest}).
 */
abstract class OrganisationIT extends IntegrationTest {

  @Autowired UserService users;
  @Autowired ApiTokenService tokens;
  @Autowired PersonalDataCipher cipher;

  Fixtures fx;
  UUID org;
  LecternUser organiser;

  @BeforeAll
  void organisation() {
    fx = new Fixtures(jdbc, users, tokens);
    org = fx.organisation();
    organiser = fx.organiser(org);
  }
}
