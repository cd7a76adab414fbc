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
 * The e-mail blind index is keyed per programme (ADR 0022; before, per organisation): the same
 * person registered with two organisations cannot be linked in a dump by equal index values.
 * Indexes and ciphertexts written by an earlier version (the installation's key, an organisation's
 * index key) are moved to the programme's keys by the migration, so a purge reaches them.
 */
class EmailIndexPerOrganisationIT extends IntegrationTest {

  @Autowired RegistrationService service;
  @Autowired OwnRegistrations own;
  @Autowired UserService users;
  @Autowired ApiTokenService tokens;
  @Autowired PersonalDataCipher cipher;
  @Autowired DataSource dataSource;
  @Autowired V202612050102__RegistrationUnderProgrammeKeys migration;

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

    List<UUID> ids = own.forDelegate(email).stream().map(OwnRegistration::registrationId).toList();
    assertThat(ids).hasSize(2);
    List<String> indexes = indexes(ids);
    assertThat(indexes).hasSize(2).doesNotHaveDuplicates();
    assertThat(indexes).doesNotContain(cipher.emailIndex(email));
    assertThat(service.findByEmail(b, email)).isPresent();

    assertThat(indexes)
        .doesNotContain(cipher.emailIndex(email, orgA), cipher.emailIndex(email, orgB));
    assertThat(service.findByEmail(a, email)).isPresent();

    // An installation upgraded from the earlier version: the organisations' indexes, and names
    // and addresses under the installation's key.
    for (UUID id : ids) {
      UUID org =
          jdbc.sql(
                  "select p.organisation_id from registration r join programme p"
                      + " on p.id = r.programme_id where r.id = :id")
              .param("id", id)
              .query(UUID.class)
              .single();
      jdbc.sql(
              "update registration set email_index = :old, full_name = :n, email = :e where id = :id")
          .param("old", cipher.emailIndex(email, org))
          .param("n", cipher.encrypt("Saule", "registration.fullName"))
          .param("e", cipher.encrypt(email, "registration.email"))
          .param("id", id)
          .update();
    }
    assertThat(own.forDelegate(email)).isEmpty();
    try (Connection c = dataSource.getConnection()) {
      assertThat(migration.reseal(c)).isGreaterThanOrEqualTo(2);
    }
    assertThat(indexes(ids)).containsExactlyInAnyOrderElementsOf(indexes);
    assertThat(own.forDelegate(email)).hasSize(2);
    assertThat(service.findByEmail(a, email)).isPresent();
    // The old rows are now under programme a's key: destroying it leaves them unreadable.
    byte[] nameInA =
        jdbc.sql("select full_name from registration where programme_id = :p")
            .param("p", a)
            .query((rs, i) -> rs.getBytes(1))
            .single();
    assertThat(cipher.decrypt(nameInA, "registration.fullName")).isEqualTo("Saule");
    cipher.destroyProgrammeKeys(a);
    assertThat(cipher.decrypt(nameInA, "registration.fullName"))
        .isEqualTo(PersonalDataCipher.SHREDDED);
    try (Connection c = dataSource.getConnection()) {
      assertThat(migration.reseal(c)).isGreaterThanOrEqualTo(0);
    }
  }

  List<String> indexes(List<UUID> ids) {
    return jdbc.sql("select email_index from registration where id in (:ids)")
        .param("ids", ids)
        .query(String.class)
        .list();
  }
}
