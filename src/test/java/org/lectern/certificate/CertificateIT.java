package org.lectern.certificate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.net.ServerSocket;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.lectern.attendance.importing.AttendanceImportService;
import org.lectern.identity.LecternUser;
import org.lectern.notification.OutboxDrain;
import org.lectern.shared.error.ConflictException;
import org.lectern.support.Fixtures;
import org.lectern.support.Http;
import org.lectern.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Certificates through the running app: eligibility, bulk issue (twice), the PDF as recipients see
 * it, the signature through the upload check, e-mail, revoke, re-issue, topic-neutral wording,
 * encryption at rest and the API. Completion comes from real attendance: Zoom reports imported
 * through the attendance module.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CertificateIT extends IntegrationTest {

  static final String BASE = "https://lectern.example.kz";
  static final int SMTP_PORT = freePort();
  static final GreenMail smtp = smtp();

  @DynamicPropertySource
  static void properties(DynamicPropertyRegistry registry) {
    registry.add("lectern.base-url", () -> BASE);
    registry.add("spring.mail.host", () -> "127.0.0.1");
    registry.add("spring.mail.port", () -> SMTP_PORT);
    registry.add("lectern.mail.poll-interval", () -> "1h");
    registry.add("lectern.mail.reminder-scan-interval", () -> "1h");
  }

  @Autowired Fixtures fixtures;
  @Autowired CertificateService office;
  @Autowired OutboxDrain outbox;
  @Autowired AttendanceImportService imports;

  Http http;
  LecternUser organiser;
  String token;
  String strangerToken;
  UUID programme;
  UUID aliya;
  UUID pyotr;
  UUID absent;
  String aliyaEmail = "aliya." + UUID.randomUUID().toString().substring(0, 6) + "@example.kz";

  @BeforeAll
  void setUp() {
    http = new Http(baseUrl());
    organiser = fixtures.organiser("cert");
    token = CertificateFixtures.token(http, organiser);
    strangerToken = CertificateFixtures.token(http, fixtures.organiser("stranger"));
    programme = CertificateFixtures.programme(jdbc, fixtures.organisationOf(organiser));
    aliya =
        CertificateFixtures.register(
            http, mailbox(), programme, CertificateFixtures.KAZAKH_NAME, aliyaEmail, "kk");
    pyotr =
        CertificateFixtures.register(
            http, mailbox(), programme, "Пётр Щербаков", "pyotr@example.kz", "ru");
    absent =
        CertificateFixtures.register(
            http, mailbox(), programme, "Dana Absent", "dana@example.kz", "en");
    // Aliya: 3 h and 2 h 47 min; Pyotr: both sessions, from half an hour early to an hour late;
    // Dana: 70 minutes of the first session only.
    CertificateFixtures.attendance(
        imports,
        organiser,
        jdbc,
        programme,
        List.of(
            new CertificateFixtures.Attendee(
                CertificateFixtures.KAZAKH_NAME, aliyaEmail, 0, 180, 167),
            new CertificateFixtures.Attendee("Пётр Щербаков", "pyotr@example.kz", 30, 240, 240),
            new CertificateFixtures.Attendee("Dana Absent", "dana@example.kz", 0, 70, 0)));
  }

  @Autowired org.lectern.shared.crypto.PersonalDataCipher cipher;

  org.lectern.support.OptInMailbox mailbox() {
    return new org.lectern.support.OptInMailbox(jdbc, cipher, baseUrl());
  }

  @AfterAll
  static void stopSmtp() {
    smtp.stop();
  }

  @Test
  @Order(1)
  void ineligibleWithoutOverrideIsRefused() {
    assertThatThrownBy(() -> office.issueOne(organiser, programme, absent))
        .isInstanceOf(ConflictException.class)
        .hasMessageContaining("certificate.notEligible");
    assertThat(count("registration_id = '" + absent + "'")).isZero();
  }

  @Test
  @Order(2)
  void bulkIssueIsIdempotent() {
    var first =
        http.postJson("/api/v1/programmes/" + programme + "/certificates", "{}", auth(token));
    assertThat(first.status()).isEqualTo(201);
    assertThat(first.json().get("issued").asInt()).isEqualTo(2);
    assertThat(first.json().get("skipped").asInt()).isEqualTo(1);
    var again =
        http.postJson("/api/v1/programmes/" + programme + "/certificates", "{}", auth(token));
    assertThat(again.json().get("issued").asInt()).isZero();
    assertThat(again.json().get("skipped").asInt()).isEqualTo(3);
    assertThat(count("programme_id = '" + programme + "'")).isEqualTo(2);
  }

  @Test
  @Order(3)
  void issuedPdfIsSignedPdfAWithTheKazakhNameHoursAndQrCode() throws Exception {
    String code = codeOf(aliya);
    byte[] pdf = pdf(code, token);
    assertThat(IssuedPdf.pdfaFailures(pdf)).isEmpty();
    assertThat(IssuedPdf.flavour(pdf)).contains("3");
    String text = IssuedPdf.text(pdf);
    // 5 h 47 min attended, under the programme's 6 CPD hours, rounds down to 5.5 (Kazakh: 5,5).
    assertThat(text).contains(CertificateFixtures.KAZAKH_NAME).contains("5,5").contains(code);
    assertThat(text).contains("Бейбіт жиналыс бостандығы іс жүзінде");
    assertThat(IssuedPdf.qrCode(pdf)).isEqualTo(BASE + "/verify/" + code);
    // Pyotr was there longer than both sessions: capped at the programme's 6 CPD hours.
    assertThat(IssuedPdf.text(pdf(codeOf(pyotr), token)))
        .contains("Пётр Щербаков")
        .contains("6 ч.");
  }

  @Test
  @Order(4)
  void uploadCheckAcceptsTheFileAndCatchesAChangedByte() throws Exception {
    byte[] pdf = pdf(codeOf(aliya), token);
    var ok = CertificateFixtures.upload(baseUrl() + "/api/v1/certificates/verify", pdf, "en");
    assertThat(ok.statusCode()).isEqualTo(200);
    assertThat(ok.body()).contains("\"outcome\":\"VALID\"").contains("unaltered, valid");
    byte[] changed = pdf.clone();
    // One byte of the code in the (uncompressed) XMP metadata: someone "fixing" the code.
    String element = "<lectern:certificateCode>";
    int at = new String(changed, java.nio.charset.StandardCharsets.ISO_8859_1).indexOf(element);
    assertThat(at).isPositive();
    changed[at + element.length()] = (byte) (changed[at + element.length()] == 'Q' ? 'R' : 'Q');
    var altered =
        CertificateFixtures.upload(baseUrl() + "/api/v1/certificates/verify", changed, "ru");
    assertThat(altered.body()).contains("\"outcome\":\"ALTERED\"").contains("изменён");
    var notPdf =
        CertificateFixtures.upload(
            baseUrl() + "/api/v1/certificates/verify", "hello".getBytes(), "kk");
    assertThat(notPdf.body()).contains("NOT_A_CERTIFICATE");
  }

  @Test
  @Order(5)
  void theDelegateReceivesTheCertificateByMailInTheirLanguage() throws Exception {
    outbox.sendDue();
    MimeMessage mail =
        Arrays.stream(smtp.getReceivedMessages())
            .filter(m -> recipient(m).contains(aliyaEmail))
            .filter(m -> subject(m).startsWith("Сіздің сертификатыңыз"))
            .findFirst()
            .orElseThrow();
    BodyPart attachment = pdfPart((Multipart) mail.getContent());
    assertThat(attachment).isNotNull();
    byte[] pdf = attachment.getInputStream().readAllBytes();
    assertThat(IssuedPdf.text(pdf)).contains(CertificateFixtures.KAZAKH_NAME);
    long toAliya =
        Arrays.stream(smtp.getReceivedMessages())
            .filter(m -> recipient(m).contains(aliyaEmail))
            .filter(m -> subject(m).startsWith("Сіздің сертификатыңыз"))
            .count();
    assertThat(toAliya).isEqualTo(1);
  }

  @Test
  @Order(6)
  void holderNamesAndPdfsAreEncryptedAtRest() {
    for (String needle : List.of(CertificateFixtures.KAZAKH_NAME, "Нұрғалиева", "Щербаков")) {
      int plain =
          jdbc.sql(
                  """
                  select count(*) from certificate
                  where position(convert_to(:n, 'UTF8') in holder_name) > 0
                     or position(convert_to(:n, 'UTF8') in pdf) > 0
                  """)
              .param("n", needle)
              .query(Integer.class)
              .single();
      assertThat(plain).as(needle).isZero();
    }
    assertThat(
            jdbc.sql(
                    "select count(*) from certificate_signing_key where private_key::text like '%PRIVATE KEY%'")
                .query(Integer.class)
                .single())
        .isZero();
  }

  @Test
  @Order(7)
  void publicPageAcceptsAnyCaseWithoutDashesAnd404sUnknownCodes() {
    String code = codeOf(aliya);
    var page = http.get("/verify/" + code.replace("-", "").toLowerCase() + "?lang=kk");
    assertThat(page.status()).isEqualTo(200);
    assertThat(page.body())
        .contains(CertificateFixtures.KAZAKH_NAME)
        .contains("Бұл сертификат жарамды");
    assertThat(page.body()).doesNotContain(aliyaEmail);
    assertThat(http.get("/verify/7K3M-9QXZ-4TRB-2HCW-8NPX").status()).isEqualTo(404);
    assertThat(http.get("/verify/nonsense").status()).isEqualTo(404);
    var pem = http.get("/organisations/" + organisationSlug() + "/certificate.pem");
    assertThat(pem.status()).isEqualTo(200);
    assertThat(pem.body()).startsWith("-----BEGIN CERTIFICATE-----");
  }

  @Test
  @Order(8)
  void revokedCertificateShowsRevokedOnlineAndInTheUploadCheck() throws Exception {
    String code = codeOf(pyotr);
    byte[] pdf = pdf(code, token);
    var r =
        http.postJson(
            "/api/v1/certificates/" + code + "/revoke",
            Http.map("reason", "Issued by mistake"),
            auth(token));
    assertThat(r.status()).isEqualTo(200);
    assertThat(r.json().get("status").asString()).isEqualTo("REVOKED");
    var page = http.get("/verify/" + code + "?lang=en");
    assertThat(page.body()).contains("was revoked on").doesNotContain("Issued by mistake");
    var upload = CertificateFixtures.upload(baseUrl() + "/api/v1/certificates/verify", pdf, "en");
    assertThat(upload.body()).contains("\"outcome\":\"REVOKED\"");
    var twice =
        http.postJson(
            "/api/v1/certificates/" + code + "/revoke", Http.map("reason", "again"), auth(token));
    assertThat(twice.status()).isEqualTo(409);
  }

  @Test
  @Order(9)
  void reissueAfterANameCorrectionSupersedesTheOldOne() throws Exception {
    String old = codeOf(aliya);
    Certificate created = office.reissue(organiser, old, "Әлия Қасымқызы Нұрғалиева");
    assertThat(http.get("/verify/" + old + "?lang=en").body())
        .contains("replaced by a corrected one");
    String fresh = org.lectern.certificate.document.CertificateCode.parse(created.code()).value();
    assertThat(http.get("/verify/" + fresh + "?lang=en").body())
        .contains("This certificate is valid");
    assertThat(IssuedPdf.text(pdf(fresh, token)))
        .contains("Әлия Қасымқызы Нұрғалиева")
        .doesNotContain("Үмбетова");
    var list = http.get("/api/v1/programmes/" + programme + "/certificates", auth(token));
    assertThat(list.status()).isEqualTo(200);
    assertThat(list.header("X-Total-Count")).isEqualTo("3");
    assertThat(list.body())
        .contains("SUPERSEDED")
        .contains("REVOKED")
        .contains("VALID")
        .contains(aliya.toString());
  }

  @Test
  @Order(10)
  void attendanceAboveTheProgrammesCpdHoursIsCapped() {
    // Both 3-hour sessions attended from half an hour early to an hour late: the reports are
    // clipped to the sessions, 6 h attended, above the programme's 4 CPD hours.
    UUID shorter = CertificateFixtures.programme(jdbc, fixtures.organisationOf(organiser), 4);
    CertificateFixtures.register(
        http, mailbox(), shorter, "Ерлан Қапаров", "erlan.cap@example.kz", "en");
    CertificateFixtures.attendance(
        imports,
        organiser,
        jdbc,
        shorter,
        List.of(
            new CertificateFixtures.Attendee(
                "Ерлан Қапаров", "erlan.cap@example.kz", 30, 240, 240)));
    var issued =
        http.postJson("/api/v1/programmes/" + shorter + "/certificates", "{}", auth(token));
    assertThat(issued.json().get("issued").asInt()).isEqualTo(1);
    var certificate =
        http.get("/api/v1/programmes/" + shorter + "/certificates", auth(token)).json().get(0);
    assertThat(certificate.get("hours").asDouble()).isEqualTo(4.0);
  }

  @Test
  @Order(11)
  void topicNeutralCertificatesCarryNoTopicText() throws Exception {
    UUID neutral = CertificateFixtures.programme(jdbc, fixtures.organisationOf(organiser));
    UUID person =
        CertificateFixtures.register(
            http, mailbox(), neutral, "Айгерім Серікқызы", "aigerim.n@example.kz", "en");
    CertificateFixtures.attendance(
        imports,
        organiser,
        jdbc,
        neutral,
        List.of(
            new CertificateFixtures.Attendee(
                "Айгерім Серікқызы", "aigerim.n@example.kz", 0, 180, 180)));
    jdbc.sql("insert into certificate_settings (programme_id, topic_neutral) values (:p, true)")
        .param("p", neutral)
        .update();
    var issued =
        http.postJson("/api/v1/programmes/" + neutral + "/certificates", "{}", auth(token));
    assertThat(issued.json().get("issued").asInt()).isEqualTo(1);
    String code =
        http.get("/api/v1/programmes/" + neutral + "/certificates", auth(token))
            .json()
            .get(0)
            .get("code")
            .asString();
    String text = IssuedPdf.text(pdf(code, token)).replaceAll("\\s+", " ");
    assertThat(text)
        .contains("Айгерім Серікқызы")
        .contains("Module 1 of the programme")
        .contains("Module 2");
    assertThat(text)
        .doesNotContainIgnoringCase("assembly")
        .doesNotContainIgnoringCase("expression")
        .doesNotContain(CertificateFixtures.TITLE_EN)
        .doesNotContainIgnoringCase("police");
  }

  @Test
  @Order(12)
  void onlyOrganisersOfTheProgrammeGetTheApi() {
    String code = codeOf(pyotr);
    assertThat(
            CertificateFixtures.getBytes(
                    baseUrl() + "/api/v1/certificates/" + code + "/pdf", strangerToken)
                .status())
        .isEqualTo(404);
    assertThat(
            CertificateFixtures.getBytes(baseUrl() + "/api/v1/certificates/" + code + "/pdf", null)
                .status())
        .isEqualTo(401);
    assertThat(
            http.postJson(
                    "/api/v1/programmes/" + programme + "/certificates", "{}", auth(strangerToken))
                .status())
        .isIn(403, 404);
    assertThat(http.get("/api/v1/programmes/" + programme + "/certificates").status())
        .isEqualTo(401);
  }

  private byte[] pdf(String code, String bearer) {
    var r =
        CertificateFixtures.getBytes(baseUrl() + "/api/v1/certificates/" + code + "/pdf", bearer);
    assertThat(r.status()).isEqualTo(200);
    assertThat(r.contentType()).startsWith("application/pdf");
    return r.body();
  }

  private String codeOf(UUID registration) {
    String compact =
        jdbc.sql(
                "select code from certificate where registration_id = :r order by issued_at desc limit 1")
            .param("r", registration)
            .query(String.class)
            .single();
    return org.lectern.certificate.document.CertificateCode.parse(compact).value();
  }

  private int count(String where) {
    return jdbc.sql("select count(*) from certificate where " + where)
        .query(Integer.class)
        .single();
  }

  private String organisationSlug() {
    return jdbc.sql("select slug from organisation where id = :id")
        .param("id", fixtures.organisationOf(organiser))
        .query(String.class)
        .single();
  }

  private static String[] auth(String t) {
    return new String[] {"Authorization", "Bearer " + t};
  }

  private static BodyPart pdfPart(Multipart m) throws Exception {
    for (int i = 0; i < m.getCount(); i++) {
      BodyPart b = m.getBodyPart(i);
      if (b.isMimeType("application/pdf")) {
        return b;
      }
      if (b.getContent() instanceof Multipart inner) {
        BodyPart found = pdfPart(inner);
        if (found != null) {
          return found;
        }
      }
    }
    return null;
  }

  private static String recipient(MimeMessage m) {
    try {
      return Arrays.toString(m.getAllRecipients());
    } catch (Exception e) {
      return "";
    }
  }

  private static String subject(MimeMessage m) {
    try {
      return m.getSubject();
    } catch (Exception e) {
      return "";
    }
  }

  static int freePort() {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  static GreenMail smtp() {
    GreenMail g = new GreenMail(new ServerSetup(SMTP_PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
    g.start();
    return g;
  }
}
