package org.lectern.registration;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.postgresql.PGConnection;
import org.springframework.beans.factory.annotation.Autowired;

/** A dump of the whole database shows no delegate's name, e-mail, phone or free text. */
class RegistrationAtRestIT extends OrganisationIT {

  @Autowired RegistrationService service;
  @Autowired DataSource dataSource;

  @Test
  void databaseDumpHasNoPersonalDataInPlainText() throws Exception {
    UUID p = fx.programme(org, 100, true, false);
    jdbc.sql(
            "update registration_settings set fields = array['PHONE','TOWN','BAR','ACCESSIBILITY','LANGUAGE']"
                + " where programme_id = :p")
        .param("p", p)
        .update();
    jdbc.sql(
            "insert into registration_settings (programme_id, fields) values (:p, "
                + "array['PHONE','TOWN','BAR','ACCESSIBILITY','REGION','LANGUAGE']) on conflict do nothing")
        .param("p", p)
        .update();
    UUID q = UUID.randomUUID();
    jdbc.sql(
            "insert into registration_question (id, programme_id, kind, label) values (:id, :p, "
                + "'TEXT', '{\"en\":\"Why?\"}')")
        .param("id", q)
        .param("p", p)
        .update();
    List<String> secrets =
        List.of(
            "Zhanargul Quixotebekova",
            "Жанаргүл Кихотбекова",
            "zhanargul.quixote@protonmail.example",
            "тест.почта@пример.қаз",
            "+77019998877",
            "Shchuchinsk-Zeta",
            "LIC-42424242",
            "wheelchair-ramp-xyz",
            "my case against the akimat");
    register(p, q, secrets.get(0), secrets.get(2));
    register(p, q, secrets.get(1), secrets.get(3));
    // Sanity: the data is really there and readable through the service.
    assertThat(service.findByEmail(p, secrets.get(3)).orElseThrow().details().fullName())
        .isEqualTo(secrets.get(1));

    String dump = dumpAllTables();
    assertThat(dump).contains(p.toString()); // the dump did see the registrations
    for (String s : secrets) {
      assertThat(dump).doesNotContainIgnoringCase(s);
    }
    assertThat(dump).doesNotContainIgnoringCase("quixote").doesNotContain("Кихотбекова");
  }

  private void register(UUID p, UUID q, String name, String email) {
    service.register(
        p,
        new RegistrationRequest(
            name,
            email,
            "+77019998877",
            "KZ-75",
            null,
            "Shchuchinsk-Zeta",
            null,
            null,
            null,
            "yes",
            "LIC-42424242",
            "kk",
            "wheelchair-ramp-xyz",
            Map.of(q.toString(), List.of("my case against the akimat")),
            false,
            Map.of(),
            null),
        null);
  }

  /** COPY of every table, as pg_dump --data-only would write it (text and bytea as hex). */
  private String dumpAllTables() throws Exception {
    var out = new ByteArrayOutputStream();
    try (Connection c = dataSource.getConnection()) {
      var copy = c.unwrap(PGConnection.class).getCopyAPI();
      var tables =
          jdbc.sql("select tablename from pg_tables where schemaname = 'public'")
              .query(String.class)
              .list();
      assertThat(tables).contains("registration", "registration_answer");
      for (String t : tables) {
        copy.copyOut("copy \"" + t + "\" to stdout", out);
      }
    }
    return out.toString(StandardCharsets.UTF_8);
  }
}
