package org.lectern.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.crypto.tink.Aead;
import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.Mac;
import com.google.crypto.tink.RegistryConfiguration;
import com.google.crypto.tink.TinkJsonProtoKeysetFormat;
import com.google.crypto.tink.TinkProtoKeysetFormat;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.lectern.certificate.CertificateService;
import org.lectern.identity.LecternUser;
import org.lectern.identity.SecondFactors;
import org.lectern.identity.TestFactors;
import org.lectern.identity.UserService;
import org.lectern.reporting.ReportFixture.Delegate;
import org.lectern.retention.Purge;
import org.lectern.shared.crypto.PersonalDataCipher;
import org.lectern.shared.database.Json;
import org.lectern.shared.error.ConflictException;
import org.lectern.shared.error.InvalidInputException;
import org.lectern.shared.error.NotFoundException;
import org.lectern.support.Fixtures;
import org.lectern.support.Http;
import org.lectern.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;

/**
 * The emergency purge (ADR 0022). The proof: a copy of the database rows taken before the purge
 * (the registrations and the whole key table, as a dump holds them) is attacked afterwards with
 * everything the installation still holds — the installation key file, every key file in the key
 * directory, every key row still in the database. Before the purge the same attack reads the names
 * and confirms the e-mail addresses, so the test fails if the purge did not destroy the key.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PurgeIT extends IntegrationTest {

  @Autowired ReportFixture fx;
  @Autowired Fixtures fixtures;
  @Autowired UserService users;
  @Autowired Purge purge;
  @Autowired CertificateService certificates;
  @Autowired PersonalDataCipher cipher;
  @Autowired SecondFactors factors;

  @Value("${lectern.data-dir}")
  String dataDir;

  LecternUser admin;
  LecternUser second;
  UUID org;
  UUID programme;
  UUID other;
  String code;

  static final String[] NAMES = {"Жанна Шредер", "Ерлан Удалённый", "Асель Забвение"};

  @BeforeAll
  void setUp() {
    admin = fx.organiser("purge");
    org = fixtures.organisationOf(admin);
    users.grantOrganisationRole(org, admin.id(), "ADMIN");
    admin = users.find(admin.id()).orElseThrow();
    UUID secondId =
        users.create("second-" + org + "@example.org", "Second admin", "x".repeat(16), false);
    users.grantOrganisationRole(org, secondId, "ADMIN");
    second = users.find(secondId).orElseThrow();
    programme = fx.programme(admin, "purged");
    other = fx.programme(admin, "kept");
    session(programme);
    UUID first = null;
    for (int i = 0; i < NAMES.length; i++) {
      UUID r =
          fx.register(
              admin,
              programme,
              new Delegate(
                  NAMES[i],
                  email(i),
                  "KZ-75",
                  i == 1 ? "male" : "female",
                  "advocate",
                  "3-5",
                  "ru"));
      first = first == null ? r : first;
    }
    fx.register(
        admin,
        other,
        new Delegate(
            "Гульнара Оставшаяся",
            "kept@purge.example",
            "KZ-75",
            "female",
            "advocate",
            "3-5",
            "kk"));
    certificates.override(admin, programme, first, "Attended in person");
    code = certificates.issueOne(admin, programme, first).code();
  }

  static String email(int i) {
    return "shred" + i + "@purge.example";
  }

  void session(UUID p) {
    Instant start = Instant.now().minus(3, ChronoUnit.DAYS);
    jdbc.sql(
            """
            insert into session (id, programme_id, title, starts_at, ends_at, mode, status)
            values (:id, :p, cast('{"en":"Fair trial"}' as jsonb), :s, :e, 'ONLINE', 'PUBLISHED')
            """)
        .param("id", UUID.randomUUID())
        .param("p", p)
        .param("s", Timestamp.from(start))
        .param("e", Timestamp.from(start.plus(2, ChronoUnit.HOURS)))
        .update();
  }

  /** What a dump of the database holds: the programme's rows and the whole key table. */
  record Copy(List<byte[]> names, List<byte[]> emails, List<String> indexes, List<KeyRow> keys) {}

  record KeyRow(UUID id, byte[] aead, byte[] mac) {}

  Copy copy() {
    List<byte[]> names = new ArrayList<>();
    List<byte[]> emails = new ArrayList<>();
    List<String> indexes = new ArrayList<>();
    jdbc.sql("select full_name, email, email_index from registration where programme_id = :p")
        .param("p", programme)
        .query(
            (rs, i) -> {
              names.add(rs.getBytes(1));
              emails.add(rs.getBytes(2));
              indexes.add(rs.getString(3));
              return null;
            })
        .list();
    return new Copy(names, emails, indexes, keyRows());
  }

  List<KeyRow> keyRows() {
    return jdbc.sql("select id, wrapped_aead, wrapped_mac from programme_data_key")
        .query((rs, i) -> new KeyRow(rs.getObject(1, UUID.class), rs.getBytes(2), rs.getBytes(3)))
        .list();
  }

  /** Every AEAD and MAC an attacker gets from the copy plus what the installation holds now. */
  record Keys(List<Aead> aeads, List<Mac> macs) {}

  Keys keysFrom(Copy copy) throws Exception {
    record KeyFile(String aead, String mac) {}
    Path dir = Path.of(dataDir, "keys");
    KeyFile installation =
        Json.read(Files.readString(dir.resolve("personal-data.json")), KeyFile.class);
    KeysetHandle installationAead =
        TinkJsonProtoKeysetFormat.parseKeyset(installation.aead(), InsecureSecretKeyAccess.get());
    Aead master = installationAead.getPrimitive(RegistryConfiguration.get(), Aead.class);
    List<Aead> aeads = new ArrayList<>(List.of(master));
    List<Mac> macs =
        new ArrayList<>(
            List.of(
                TinkJsonProtoKeysetFormat.parseKeyset(
                        installation.mac(), InsecureSecretKeyAccess.get())
                    .getPrimitive(RegistryConfiguration.get(), Mac.class)));
    // Every key-encryption key still on disk, tried against every key row, old and current.
    List<KeyRow> rows = new ArrayList<>(copy.keys());
    rows.addAll(keyRows());
    try (Stream<Path> files = Files.list(dir.resolve("programmes"))) {
      for (Path f : files.filter(x -> x.toString().endsWith(".key")).toList()) {
        String fileId = f.getFileName().toString().replace(".key", "");
        Aead kek =
            TinkProtoKeysetFormat.parseEncryptedKeyset(
                    Files.readAllBytes(f), master, ad("lectern:programme-kek:" + fileId))
                .getPrimitive(RegistryConfiguration.get(), Aead.class);
        for (KeyRow row : rows) {
          if (row.aead() == null) {
            continue;
          }
          byte[] rowAd = ad("lectern:programme-data-key:" + row.id());
          try {
            aeads.add(
                TinkProtoKeysetFormat.parseEncryptedKeyset(row.aead(), kek, rowAd)
                    .getPrimitive(RegistryConfiguration.get(), Aead.class));
            macs.add(
                TinkProtoKeysetFormat.parseEncryptedKeyset(row.mac(), kek, rowAd)
                    .getPrimitive(RegistryConfiguration.get(), Mac.class));
          } catch (java.security.GeneralSecurityException wrongKek) {
            // this file does not open this row
          }
        }
      }
    }
    return new Keys(aeads, macs);
  }

  /** The names the attacker reads from the copy. */
  Set<String> readable(Copy copy, Keys keys) {
    Set<String> read = new HashSet<>();
    for (byte[] c : copy.names()) {
      for (Aead a : keys.aeads()) {
        try {
          read.add(
              new String(
                  a.decrypt(c, ad("lectern:registration.fullName")), StandardCharsets.UTF_8));
        } catch (java.security.GeneralSecurityException no) {
          // not this key
        }
      }
    }
    return read;
  }

  /** The addresses the attacker confirms by recomputing a blind index found in the copy. */
  Set<String> confirmable(Copy copy, Keys keys) throws Exception {
    Set<String> confirmed = new HashSet<>();
    for (int i = 0; i < NAMES.length; i++) {
      String e = email(i);
      Set<String> candidates = new HashSet<>();
      candidates.add(cipher.emailIndex(e));
      candidates.add(cipher.emailIndex(e, org));
      for (Mac m : keys.macs()) {
        candidates.add(HexFormat.of().formatHex(m.computeMac(ad("lectern:email\u0000" + e))));
      }
      if (copy.indexes().stream().anyMatch(candidates::contains)) {
        confirmed.add(e);
      }
    }
    return confirmed;
  }

  static byte[] ad(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  String report(UUID p, String token) {
    var r =
        new Http(baseUrl())
            .get("/api/v1/programmes/" + p + "/report", "Authorization", "Bearer " + token);
    assertThat(r.status()).as(r.body()).isEqualTo(200);
    return r.body().replaceAll("\"generatedAt\":\"[^\"]*\",?", "");
  }

  @Test
  @Order(1)
  void aCopyTakenBeforeThePurgeCannotBeReadAfterIt() throws Exception {
    String token = fx.token(admin);
    String reportBefore = report(programme, token);
    Copy before = copy();
    // The attack works while the key exists: the test can fail.
    assertThat(readable(before, keysFrom(before))).containsExactlyInAnyOrder(NAMES);
    assertThat(confirmable(before, keysFrom(before))).hasSize(NAMES.length);

    assertThatThrownBy(() -> purge.request(admin, org, programme.toString(), "wrong name"))
        .isInstanceOf(InvalidInputException.class);
    assertThat(purge.request(admin, org, programme.toString(), "  iccpr   WEBINARS "))
        .isEqualTo(Purge.Outcome.PENDING);
    UUID request =
        jdbc.sql("select id from purge_request where programme_id = :p and status = 'PENDING'")
            .param("p", programme)
            .query(UUID.class)
            .single();
    assertThatThrownBy(() -> purge.confirm(admin, org, request))
        .isInstanceOf(ConflictException.class);
    assertThat(readable(before, keysFrom(before))).hasSize(NAMES.length);
    purge.confirm(second, org, request);

    Keys after = keysFrom(before);
    assertThat(readable(before, after)).isEmpty();
    assertThat(confirmable(before, after)).isEmpty();
    // The application itself answers "shredded" for the old ciphertexts.
    assertThat(before.names())
        .allSatisfy(
            c ->
                assertThat(cipher.decrypt(c, "registration.fullName"))
                    .isEqualTo(PersonalDataCipher.SHREDDED));
    assertThat(copy().names())
        .allSatisfy(c -> assertThat(cipher.decrypt(c, "registration.fullName")).isEmpty());

    // Reports keep their figures; the other programme keeps its data.
    assertThat(report(programme, token)).isEqualTo(reportBefore);
    assertThat(
            jdbc.sql("select full_name from registration where programme_id = :p")
                .param("p", other)
                .query((rs, i) -> cipher.decrypt(rs.getBytes(1), "registration.fullName"))
                .list())
        .containsExactly("Гульнара Оставшаяся");
    var verified = new Http(baseUrl()).get("/verify/" + code);
    assertThat(verified.status()).isEqualTo(200);
    assertThat(verified.body()).doesNotContain(NAMES[0]).contains("data-removed=\"PURGE\"");
    // Audited without personal data.
    String audit =
        String.join(
            "\n",
            jdbc.sql(
                    "select action || ' ' || coalesce(details, '') from audit_entry"
                        + " where organisation_id = :o")
                .param("o", org)
                .query(String.class)
                .list());
    assertThat(audit).contains("purge.requested", "programme.purged", "purge.done");
    for (String n : NAMES) {
      assertThat(audit).doesNotContain(n);
    }
    assertThatThrownBy(() -> purge.confirm(second, org, request))
        .isInstanceOf(ConflictException.class);
  }

  @Test
  @Order(2)
  void strangersAndMembersCannotPurge() {
    LecternUser stranger = fx.organiser("stranger");
    assertThatThrownBy(() -> purge.request(stranger, org, other.toString(), "ICCPR webinars"))
        .isInstanceOf(NotFoundException.class);
    LecternUser funder = fx.funderOf(admin, other);
    assertThatThrownBy(() -> purge.request(funder, org, other.toString(), "ICCPR webinars"))
        .isInstanceOf(NotFoundException.class);
    assertThatThrownBy(
            () -> purge.request(admin, org, UUID.randomUUID().toString(), "ICCPR webinars"))
        .isInstanceOf(InvalidInputException.class);
    assertThat(
            jdbc.sql("select count(*) from purge_request where programme_id = :p")
                .param("p", other)
                .query(Long.class)
                .single())
        .isZero();
  }

  @Test
  @Order(3)
  void aSoleAdministratorPurgesTheOrganisationAtOnceWithASecondFactor() {
    LecternUser sole = fx.organiser("sole");
    UUID soleOrg = fixtures.organisationOf(sole);
    users.grantOrganisationRole(soleOrg, sole.id(), "ADMIN");
    UUID p = fx.programme(sole, "sole");
    fx.register(
        sole,
        p,
        new Delegate(
            "Одинокий Админ", "sole@purge.example", "KZ-75", "male", "advocate", "3-5", "ru"));
    // Without a second factor there is nothing fresh to show: refused, nothing destroyed.
    assertThatThrownBy(() -> purge.request(sole, soleOrg, "organisation", "Org sole"))
        .isInstanceOf(InvalidInputException.class);
    assertThat(cipher.decrypt(name(p), "registration.fullName")).isEqualTo("Одинокий Админ");
    TestFactors.enrol(factors, sole);
    assertThatThrownBy(() -> purge.request(sole, soleOrg, "organisation", "ICCPR webinars"))
        .isInstanceOf(InvalidInputException.class);
    byte[] before = name(p);
    assertThat(purge.request(sole, soleOrg, "organisation", " org SOLE "))
        .isEqualTo(Purge.Outcome.DONE);
    assertThat(cipher.decrypt(before, "registration.fullName"))
        .isEqualTo(PersonalDataCipher.SHREDDED);
    assertThat(
            jdbc.sql(
                    "select count(*) from programme_data_key where programme_id = :p"
                        + " and destroyed_at is not null and wrapped_aead is null")
                .param("p", p)
                .query(Long.class)
                .single())
        .isEqualTo(1);
  }

  byte[] name(UUID p) {
    return jdbc.sql("select full_name from registration where programme_id = :p")
        .param("p", p)
        .query((rs, i) -> rs.getBytes(1))
        .single();
  }
}
