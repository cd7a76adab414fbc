package org.lectern.registration;

import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.lectern.identity.ApiTokenService;
import org.lectern.identity.LecternUser;
import org.lectern.identity.UserService;
import org.lectern.shared.crypto.PersonalDataCipher;
import org.lectern.support.IntegrationTest;
import org.lectern.support.OptInMailbox;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * An integration test of the registration path with one organisation, its organiser and the mailbox
 * of the opt-in mails, made once for the class (same shared context as every {@link
 * IntegrationTest}).
 */
abstract class OrganisationIT extends IntegrationTest {

  @Autowired UserService users;
  @Autowired ApiTokenService tokens;
  @Autowired PersonalDataCipher cipher;

  Fixtures fx;
  UUID org;
  LecternUser organiser;
  OptInMailbox mailbox;

  @BeforeAll
  void organisation() {
    fx = new Fixtures(jdbc, users, tokens);
    org = fx.organisation();
    organiser = fx.organiser(org);
    mailbox = new OptInMailbox(jdbc, cipher);
  }
}
