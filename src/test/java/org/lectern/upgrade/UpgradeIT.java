package org.lectern.upgrade;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationVersion;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.lectern.LecternApplication;
import org.lectern.shared.crypto.PersonalDataCipher;
import org.lectern.support.Http;
import org.lectern.support.IntegrationTest;
import org.lectern.support.TestDatabase;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;
import org.springframework.security.crypto.password.PasswordEncoder;
import tools.jackson.databind.JsonNode;

/**
 * An upgrade from the release of 2026-11-30 (schema {@value #RELEASE}): a fresh database on the
 * shared PostgreSQL is built to that version with Flyway's target, filled through that version's
 * tables as that release wrote them (personal data under the installation key, live-room questions
 * in clear), and then the current Lectern starts on it — as an administrator's upgrade does — and
 * migrates it, Java migrations included (they move personal data to programme keys and need the
 * application's beans). Everything is then read back through the API: registrations with readable
 * names, door check-ins, live-room questions and the report's figures.
 */
class UpgradeIT extends IntegrationTest {

  static final String RELEASE = "202611300100";
  static final String ORGANISER = "organiser@upgrade.example";
  static final String PASSWORD = "an old release's long passphrase";
  static final String SECOND = "Second.Staffer@Upgrade.Example";
  static final String SECOND_NAME = "Ärzte Zweite-Mitarbeiterin";

  @Autowired PersonalDataCipher cipher;
  @Autowired PasswordEncoder encoder;

  String database;
  String url;
  JdbcClient old;
  ConfigurableApplicationContext upgraded;
  final UUID programme = UUID.randomUUID();
  final UUID session = UUID.randomUUID();
  final Map<UUID, String[]> delegates = new LinkedHashMap<>();
  final Map<UUID, byte[]> sealedNames = new LinkedHashMap<>();
  final List<String> questions = new ArrayList<>();

  @BeforeAll
  void oldReleaseWithData() {
    database = "upgrade_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    jdbc.sql("create database " + database).update();
    url = TestDatabase.get().getJdbcUrl("postgres", database);
    var dataSource = new SimpleDriverDataSource(new org.postgresql.Driver(), url, "postgres", "");
    Flyway.configure()
        .dataSource(dataSource)
        .locations("classpath:db/migration")
        .target(MigrationVersion.fromVersion(RELEASE))
        .load()
        .migrate();
    old = JdbcClient.create(dataSource);
    assertThat(
            old.sql("select max(version) from flyway_schema_history").query(String.class).single())
        .isEqualTo(RELEASE);
    fillAsTheOldReleaseDid();
  }

  private void fillAsTheOldReleaseDid() {
    UUID organisation = UUID.randomUUID();
    UUID organiser = UUID.randomUUID();
    old.sql(
            "insert into organisation (id, slug, name) values (?, 'upgrade-bar',"
                + " '{\"en\":\"Upgrade Bar\",\"ru\":\"Коллегия\",\"kk\":\"Алқа\"}')")
        .param(organisation)
        .update();
    old.sql(
            "insert into app_user (id, email, full_name, password_hash, language)"
                + " values (?, ?, 'Gulnara Organiser', ?, 'ru')")
        .params(organiser, ORGANISER, encoder.encode(PASSWORD))
        .update();
    old.sql(
            "insert into organisation_member (organisation_id, user_id, role)"
                + " values (?, ?, 'ORGANISER')")
        .params(organisation, organiser)
        .update();
    old.sql(
            "insert into app_user (id, email, full_name, password_hash, language)"
                + " values (?, ?, ?, ?, 'kk')")
        .params(UUID.randomUUID(), SECOND, SECOND_NAME, encoder.encode(PASSWORD))
        .update();
    old.sql(
            "insert into programme (id, organisation_id, slug, title, languages, time_zone,"
                + " capacity, status) values (?, ?, 'upgrade-fair-trial',"
                + " '{\"en\":\"Fair trial\",\"ru\":\"Справедливый суд\"}', '{en,ru}',"
                + " 'Asia/Almaty', 4, 'PUBLISHED')")
        .params(programme, organisation)
        .update();
    old.sql(
            "insert into programme_organisation (programme_id, organisation_id, role)"
                + " values (?, ?, 'ORGANISER')")
        .params(programme, organisation)
        .update();
    old.sql("insert into programme_member (programme_id, user_id, role) values (?, ?, 'ORGANISER')")
        .params(programme, organiser)
        .update();
    Instant start = Instant.parse("2026-11-20T05:00:00Z");
    old.sql(
            "insert into session (id, programme_id, title, starts_at, ends_at, mode, status)"
                + " values (?, ?, '{\"en\":\"Article 14\"}', ?, ?, 'IN_PERSON', 'PUBLISHED')")
        .params(
            session, programme, Timestamp.from(start), Timestamp.from(start.plusSeconds(2 * 3600)))
        .update();
    UUID consent = UUID.randomUUID();
    old.sql(
            "insert into registration_consent (id, programme_id, version, texts)"
                + " values (?, ?, 1, '{\"en\":\"I agree\"}')")
        .params(consent, programme)
        .update();
    String[][] people = {
      {"Айгерим Сейткали", "aigerim@upgrade.example", "female", "CONFIRMED"},
      {"Данияр Ахметов", "daniyar@upgrade.example", "male", "CONFIRMED"},
      {"Maria Kim", "maria@upgrade.example", "female", "CONFIRMED"},
      {"Әсел Жақсылыққызы", "asel@upgrade.example", "female", "CONFIRMED"},
      {"Yerlan Tokayev", "yerlan@upgrade.example", "male", "WAITLISTED"}
    };
    for (String[] p : people) {
      UUID id = UUID.randomUUID();
      byte[] name = cipher.encrypt(p[0], "registration.fullName");
      old.sql(
              "insert into registration (id, programme_id, status, waitlist_seq, email_index,"
                  + " email, full_name, region, gender, profession, language, consent_id,"
                  + " consent_language) values (?, ?, ?,"
                  + " case when ? = 'WAITLISTED' then nextval('registration_waitlist_seq') end,"
                  + " ?, ?, ?, 'KZ-75', ?, 'advocate', 'ru', ?, 'ru')")
          .params(
              id,
              programme,
              p[3],
              p[3],
              cipher.emailIndex(p[1]),
              cipher.encrypt(p[1], "registration.email"),
              name,
              p[2],
              consent)
          .update();
      delegates.put(id, p);
      sealedNames.put(id, name);
    }
    // Three delegates checked in at the door for the whole session.
    delegates.keySet().stream()
        .limit(3)
        .forEach(
            id -> {
              checkIn(id, "IN", start.minusSeconds(300));
              checkIn(id, "OUT", start.plusSeconds(2 * 3600 + 60));
            });
    // As that release's check-in did: the session's attendance is marked changed, and the first
    // read computes the results (ADR 0008).
    old.sql("insert into attendance_session_state (session_id, version) values (?, 6)")
        .param(session)
        .update();
    old.sql("insert into live_room (session_id, join_key) values (?, 'old-join-key')")
        .param(session)
        .update();
    for (int i = 1; i <= 3; i++) {
      UUID q = UUID.randomUUID();
      String text = "Old question " + i + ": may a trial be held in absentia?";
      old.sql(
              "insert into live_question (id, session_id, author_name, body, status, votes,"
                  + " created_at) values (?, ?, 'Айгерим', ?, 'VISIBLE', ?, ?)")
          .params(q, session, text, i, Timestamp.from(start.plusSeconds(600L * i)))
          .update();
      old.sql(
              "insert into live_event (session_id, type, payload, created_at)"
                  + " values (?, 'question.asked', cast(? as jsonb), ?)")
          .params(
              session,
              "{\"id\":\"" + q + "\",\"text\":\"" + text + "\",\"votes\":0}",
              Timestamp.from(start.plusSeconds(600L * i)))
          .update();
      questions.add(text);
    }
  }

  private void checkIn(UUID registration, String kind, Instant at) {
    old.sql(
            "insert into attendance_checkin (nonce, session_id, registration_id, kind, at)"
                + " values (?, ?, ?, ?, ?)")
        .params(UUID.randomUUID(), session, registration, kind, Timestamp.from(at))
        .update();
  }

  @Test
  void theCurrentReleaseMigratesItAndFindsEveryRecordAndFigure() {
    upgraded =
        new SpringApplicationBuilder(LecternApplication.class)
            .properties(
                "spring.datasource.url=" + url,
                "spring.datasource.username=postgres",
                "spring.datasource.password=",
                "spring.jmx.enabled=false")
            .run(
                // Arguments, not default properties: configuration files and the environment
                // would override those (a fixed 8080 may be taken on a shared machine).
                "--server.port=0",
                "--management.server.port=0",
                "--lectern.data-dir=" + System.getProperty("java.io.tmpdir") + "/lectern-test-data",
                "--lectern.demo=false",
                "--lectern.second-factor.default-policy=OFFERED",
                "--lectern.mail.neutral-from=training@example.org",
                "--db-scheduler.enabled=false");

    // Every migration ran, none failed; the newest is the newest file.
    assertThat(
            old.sql("select count(*) from flyway_schema_history where not success")
                .query(Integer.class)
                .single())
        .isZero();
    assertThat(
            old.sql("select count(*) from flyway_schema_history where version > ?")
                .param(RELEASE)
                .query(Integer.class)
                .single())
        .isGreaterThan(30);
    assertThat(
            old.sql("select count(*) from flyway_schema_history where type = 'JDBC'")
                .query(Integer.class)
                .single())
        .as("the Java migrations ran")
        .isGreaterThanOrEqualTo(7);

    // Personal data moved to the programme's key (ADR 0022): a key for it, names re-encrypted.
    assertThat(
            old.sql(
                    "select count(*) from programme_data_key where programme_id = ?"
                        + " and destroyed_at is null")
                .param(programme)
                .query(Integer.class)
                .single())
        .isEqualTo(1);
    for (var e : sealedNames.entrySet()) {
      byte[] now =
          old.sql("select full_name from registration where id = ?")
              .param(e.getKey())
              .query(byte[].class)
              .single();
      assertThat(now).as("re-encrypted under the programme's key").isNotEqualTo(e.getValue());
    }

    staffAccountsSealed();

    var api =
        new Http("http://127.0.0.1:" + upgraded.getEnvironment().getProperty("local.server.port"));
    // The sealed address is found in another case and with spaces around it (ADR 0022).
    var second =
        api.postJson(
            "/api/v1/auth/tokens",
            Map.of(
                "email",
                "  " + SECOND.toLowerCase(java.util.Locale.ROOT) + " ",
                "password",
                PASSWORD));
    assertThat(second.status()).as(second.body()).isEqualTo(201);
    var token =
        api.postJson("/api/v1/auth/tokens", Map.of("email", ORGANISER, "password", PASSWORD));
    assertThat(token.status()).as(token.body()).isEqualTo(201);
    String bearer = "Bearer " + token.json().get("token").asString();

    var listed =
        api.get("/api/v1/programmes/" + programme + "/registrations", "Authorization", bearer);
    assertThat(listed.status()).as(listed.body()).isEqualTo(200);
    JsonNode items = listed.json().has("items") ? listed.json().get("items") : listed.json();
    assertThat(items.size()).isEqualTo(5);
    for (var e : delegates.entrySet()) {
      assertThat(listed.body())
          .as("registration of %s, name readable", e.getValue()[1])
          .contains(e.getKey().toString(), e.getValue()[0]);
    }

    var report = api.get("/api/v1/programmes/" + programme + "/report", "Authorization", bearer);
    assertThat(report.status()).as(report.body()).isEqualTo(200);
    JsonNode registrations = report.json().get("registrations");
    assertThat(registrations.get("total").asInt()).isEqualTo(5);
    assertThat(registrations.get("byStatus").get("CONFIRMED").asInt()).isEqualTo(4);
    assertThat(registrations.get("byStatus").get("WAITLISTED").asInt()).isEqualTo(1);
    assertThat(report.json().get("attendance").get("attendedAtLeastOne").asInt()).isEqualTo(3);

    var attendance =
        api.get("/api/v1/sessions/" + session + "/attendance", "Authorization", bearer);
    assertThat(attendance.status()).as(attendance.body()).isEqualTo(200);
    delegates.keySet().stream()
        .limit(3)
        .forEach(id -> assertThat(attendance.body()).contains(id.toString()));

    var queue = api.get("/api/v1/sessions/" + session + "/live/questions", "Authorization", bearer);
    assertThat(queue.status()).as(queue.body()).isEqualTo(200);
    assertThat(queue.body()).contains(questions);
  }

  /**
   * Staff accounts written in clear by the old release are sealed (ADR 0022, amendment "staff
   * accounts"): neither the stored rows nor the table's file on disk hold an address or a name.
   */
  private void staffAccountsSealed() {
    List<String> clear =
        List.of(
            ORGANISER,
            "Gulnara Organiser",
            SECOND.toLowerCase(java.util.Locale.ROOT),
            "second.staffer",
            "Zweite-Mitarbeiterin");
    List<String> rows = old.sql("select u::text from app_user u").query(String.class).list();
    assertThat(rows).hasSize(2);
    assertThat(
            old.sql("select count(*) from app_user where email_index is not null")
                .query(Integer.class)
                .single())
        .isEqualTo(2);
    old.sql("checkpoint").update();
    byte[] file =
        old.sql("select pg_read_binary_file(pg_relation_filepath('app_user'))")
            .query(byte[].class)
            .single();
    String onDisk = new String(file, java.nio.charset.StandardCharsets.UTF_8);
    for (String c : clear) {
      for (String row : rows) {
        assertThat(row.toLowerCase(java.util.Locale.ROOT))
            .doesNotContain(c.toLowerCase(java.util.Locale.ROOT));
      }
      assertThat(onDisk).as("the table's file holds %s", c).doesNotContain(c);
      assertThat(onDisk.toLowerCase(java.util.Locale.ROOT))
          .doesNotContain(c.toLowerCase(java.util.Locale.ROOT));
    }
    assertThat(
            old.sql(
                    "select count(*) from information_schema.columns where table_name = 'app_user'"
                        + " and column_name in ('email', 'full_name') and data_type = 'bytea'")
                .query(Integer.class)
                .single())
        .isEqualTo(2);
  }

  @AfterAll
  void dropTheCopy() {
    if (upgraded != null) {
      upgraded.close();
    }
    jdbc.sql(
            "select pg_terminate_backend(pid) from pg_stat_activity where datname = '"
                + database
                + "'")
        .query()
        .listOfRows();
    jdbc.sql("drop database if exists " + database).update();
  }
}
