package org.lectern.registration;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.lectern.identity.ApiTokenService;
import org.lectern.identity.UserService;
import org.lectern.shared.crypto.PersonalDataCipher;
import org.lectern.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The e-mail blind index is keyed per organisation: the same person registered with two
 * organisations cannot be linked in a dump by equal index values. Indexes written by an earlier
 * version (one installation-wide key) are re-keyed by the migration.
 */
class EmailIndexPerOrganisationIT extends IntegrationTest {

  @Autowired RegistrationService service;
  @Autowired UserService users;
  @Autowired ApiTokenService tokens;
  @Autowired PersonalDataCipher cipher;
  @Autowired DataSource dataSource;
  @Autowired V202612041604__EmailIndexPerOrganisation migration;

  @Test
  void oneAddressInTwoOrganisationsHasUnrelatedIndexesAndOldOnesAreReKeyed() throws Exception {
    var fx = new Fixtures(jdbc, users, tokens);
    UUID orgA = fx.organisation();
    UUID orgB = fx.organisation();
    UUID a = fx.programme(orgA, 100, true, false);
    UUID b = fx.programme(orgB, 100, true, false);
    String email = "saule." + UUID.randomUUID().toString().substring(0, 6) + "@example.kz";
    service.register(a, RegistrationRequest.minimal("Saule", email, "en"), fx.organiser(orgA));
    service.register(
        b, RegistrationRequest.minimal("Saule", email.toUpperCase(), "en"), fx.organiser(orgB));

    List<UUID> ids =
        service.forDelegate(email).stream().map(DelegateRegistration::registrationId).toList();
    assertThat(ids).hasSize(2);
    List<String> indexes = indexes(ids);
    assertThat(indexes).hasSize(2).doesNotHaveDuplicates();
    assertThat(indexes).doesNotContain(cipher.emailIndex(email));
    assertThat(service.findByEmail(b, email)).isPresent();

    // An installation upgraded from the earlier version: one global index on both rows.
    jdbc.sql("update registration set email_index = :old where id in (:ids)")
        .param("old", cipher.emailIndex(email))
        .param("ids", ids)
        .update();
    assertThat(service.forDelegate(email)).isEmpty();
    assertThat(indexes(ids)).containsOnly(cipher.emailIndex(email));
    try (Connection c = dataSource.getConnection()) {
      assertThat(migration.reindex(c)).isGreaterThanOrEqualTo(2);
    }
    assertThat(indexes(ids)).containsExactlyInAnyOrderElementsOf(indexes);
    assertThat(service.forDelegate(email)).hasSize(2);
    assertThat(service.findByEmail(a, email)).isPresent();
  }

  List<String> indexes(List<UUID> ids) {
    return jdbc.sql("select email_index from registration where id in (:ids)")
        .param("ids", ids)
        .query(String.class)
        .list();
  }
}
