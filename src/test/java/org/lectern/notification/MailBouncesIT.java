package org.lectern.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lectern.identity.BackOfficeSession;
import org.lectern.identity.LecternUser;
import org.lectern.shared.crypto.PersonalDataCipher;
import org.lectern.shared.i18n.LocalizedText;
import org.lectern.shared.limit.RateLimiter;
import org.lectern.support.Fixtures;
import org.lectern.support.Http;
import org.lectern.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Addresses mail does not reach: a permanent refusal by the receiving server, a delivery status
 * notification or a complaint read from the bounce mailbox (IMAP, GreenMail) marks the address for
 * the organisation; later mail to it is held; the organiser sees it on the delivery page and
 * releases it once fixed.
 */
class MailBouncesIT extends IntegrationTest {

  static final int IMAP_PORT = MailFixtures.freePort();
  static final GreenMail imap =
      startImap(new ServerSetup(IMAP_PORT, "127.0.0.1", ServerSetup.PROTOCOL_IMAP));
  static final String BOUNCES = "bounces@example.org";
  static final Pattern MESSAGE_ID = Pattern.compile("(?im)^Message-ID: (<[^>]+>)");

  @Autowired Fixtures fixtures;
  @Autowired Announcements announcements;
  @Autowired OutboxRepository repository;
  @Autowired OutboxStatusRepository statuses;
  @Autowired UndeliverableAddresses undeliverable;
  @Autowired PersonalDataCipher cipher;
  @Autowired Outbox outbox;
  @Autowired TransactionTemplate transactions;
  @Autowired RateLimiter limiter;
  @Autowired Clock clock;

  GreenMailUser mailbox;
  LecternUser organiser;
  UUID organisation;
  UUID programme;
  Http http;
  String[] auth;

  static GreenMail startImap(ServerSetup setup) {
    GreenMail g = new GreenMail(setup);
    g.start();
    return g;
  }

  @BeforeAll
  void programmeOfAnOrganisation() {
    mailbox = imap.setUser(BOUNCES, "bounces", "secret");
    http = new Http(baseUrl());
    organiser = fixtures.organiser("bounce");
    organisation = fixtures.organisationOf(organiser);
    String token =
        http.postJson(
                "/api/v1/auth/tokens",
                Map.of("email", organiser.email(), "password", Fixtures.PASSWORD))
            .json()
            .get("token")
            .asString();
    auth = new String[] {"Authorization", "Bearer " + token};
    var created =
        http.postJson(
            "/api/v1/programmes",
            Map.of(
                "slug",
                "bounce-" + UUID.randomUUID().toString().substring(0, 6),
                "title",
                Map.of("en", "Bounces"),
                "timeZone",
                "Asia/Almaty",
                "languages",
                List.of("en"),
                "capacity",
                50),
            auth);
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    programme = UUID.fromString(created.json().get("id").asString());
  }

  @BeforeEach
  void emptyOutbox() throws Exception {
    jdbc.sql("delete from mail_outbox").update();
    jdbc.sql("delete from mail_undeliverable").update();
    imap.purgeEmailFromAllMailboxes();
  }

  @AfterAll
  static void stop() {
    imap.stop();
  }

  OutboxSender sender(int port) {
    JavaMailSenderImpl mail = new JavaMailSenderImpl();
    mail.setHost("127.0.0.1");
    mail.setPort(port);
    return new OutboxSender(
        repository,
        statuses,
        undeliverable,
        new ReturnPath(cipher, BOUNCES),
        new MailPace(limiter, 1000, 1000),
        new StaticListableBeanFactory(Map.of("m", mail)).getBeanProvider(JavaMailSender.class),
        transactions,
        clock,
        "Bar Committee <lectern@example.org>",
        "training@example.org",
        8);
  }

  BounceMailbox bounceMailbox() {
    return new BounceMailbox(
        repository,
        statuses,
        undeliverable,
        new ReturnPath(cipher, BOUNCES),
        transactions,
        clock,
        "imap://bounces:secret@127.0.0.1:" + IMAP_PORT + "/INBOX");
  }

  /** Registers through the API and waits for the confirmation mail to be queued. */
  void register(String email) {
    var r =
        http.postJson(
            "/api/v1/programmes/" + programme + "/registrations",
            Map.of("email", email, "fullName", "Delegate", "consent", true),
            auth);
    assertThat(r.status()).as(r.body()).isEqualTo(201);
    await().atMost(Duration.ofSeconds(30)).until(() -> statuses(email).contains("PENDING"));
  }

  /** Statuses of the outbox rows to this address (decrypted to find them). */
  List<String> statuses(String email) {
    return jdbc
        .sql("select recipient, status from mail_outbox order by created_at")
        .query(
            (rs, i) ->
                email.equals(cipher.decrypt(rs.getBytes(1), OutboxRepository.TO))
                    ? rs.getString(2)
                    : null)
        .list()
        .stream()
        .filter(java.util.Objects::nonNull)
        .toList();
  }

  int announce() {
    return transactions.execute(
        tx ->
            announcements.send(
                organiser,
                programme,
                UUID.randomUUID(),
                LocalizedText.of("en", "News"),
                LocalizedText.of("en", "Room changed.")));
  }

  @Test
  void aRefusedAddressIsMarkedForItsOrganisationOnlyAndLaterMailToItIsHeld() throws Exception {
    register("gone-1@example.kz");
    register("fine-1@example.kz");
    // The programme's mail is counted for it and its organisation.
    assertThat(
            jdbc.sql(
                    "select count(*) from mail_outbox where programme_id = :p and organisation_id = :o")
                .param("p", programme)
                .param("o", organisation)
                .query(Integer.class)
                .single())
        .isEqualTo(2);

    try (ScriptedSmtp smtp = new ScriptedSmtp()) {
      sender(smtp.port()).sendDue();
      assertThat(smtp.delivered).containsExactly("fine-1@example.kz");
      // The envelope sender carries the message's token (VERP); so does its Message-ID, which
      // no longer names the mail library or the host.
      String envelope = smtp.envelopeSenders.get(0);
      assertThat(envelope).matches("bounces\\+m[0-9a-f]{48}@example\\.org");
      String token = envelope.substring("bounces+".length(), envelope.indexOf('@'));
      Matcher id = MESSAGE_ID.matcher(smtp.messages.get(0));
      assertThat(id.find()).isTrue();
      assertThat(id.group(1)).isEqualTo("<" + token + "@example.org>");
      assertThat(smtp.messages.get(0)).doesNotContainIgnoringCase("javamail");
    }
    assertThat(statuses("gone-1@example.kz")).containsExactly("FAILED");
    Undeliverable mark = undeliverable.find(organisation, "Gone-1@Example.kz ").orElseThrow();
    assertThat(mark.reason()).isEqualTo(Undeliverable.Reason.REFUSED);
    assertThat(mark.smtpCode()).isEqualTo(550);
    assertThat(mark.detail()).isEqualTo("5.1.1");
    // Only a keyed hash is stored, never the address.
    assertThat(
            jdbc.sql("select count(*) from mail_undeliverable where address_index like '%@%'")
                .query(Integer.class)
                .single())
        .isZero();

    // The next announcement is held for that address and goes to the other.
    assertThat(announce()).isEqualTo(2);
    assertThat(statuses("gone-1@example.kz")).containsExactly("FAILED", "HELD");
    assertThat(statuses("fine-1@example.kz")).containsExactly("SENT", "PENDING");

    // Another organisation's mail to the same address is not held: the mark is theirs alone.
    MailFixtures.Programme other = MailFixtures.programme(jdbc);
    UUID otherOrganisation =
        jdbc.sql("select organisation_id from programme where id = :p")
            .param("p", other.id())
            .query(UUID.class)
            .single();
    transactions.executeWithoutResult(
        tx ->
            outbox.enqueue(
                new OutgoingMail(
                        MailKind.PROGRAMME_ANNOUNCEMENT.code(),
                        other.id(),
                        "gone-1@example.kz",
                        "en",
                        "Other",
                        "Other news",
                        null,
                        List.of(),
                        "test:" + UUID.randomUUID(),
                        false)
                    .about(other.id(), otherOrganisation)));
    assertThat(statuses("gone-1@example.kz")).containsExactly("FAILED", "HELD", "PENDING");
  }

  @Test
  void aBatchGoesOverOneConnectionAndEachFailureIsRecordedForItsOwnMessage() throws Exception {
    register("fine-4a@example.kz");
    register("gone-4@example.kz");
    register("busy-4@example.kz");
    register("fine-4b@example.kz");
    try (ScriptedSmtp smtp = new ScriptedSmtp()) {
      assertThat(sender(smtp.port()).sendDue()).isEqualTo(2);
      assertThat(smtp.delivered)
          .containsExactlyInAnyOrder("fine-4a@example.kz", "fine-4b@example.kz");
      assertThat(smtp.connections.get()).isEqualTo(1);
    }
    assertThat(statuses("fine-4a@example.kz")).containsExactly("SENT");
    assertThat(statuses("fine-4b@example.kz")).containsExactly("SENT");
    // Refused for good: failed, and the address marked; refused for now: tried again later.
    assertThat(statuses("gone-4@example.kz")).containsExactly("FAILED");
    assertThat(undeliverable.find(organisation, "gone-4@example.kz").orElseThrow().smtpCode())
        .isEqualTo(550);
    assertThat(statuses("busy-4@example.kz")).containsExactly("PENDING");
    assertThat(undeliverable.find(organisation, "busy-4@example.kz")).isEmpty();
    assertThat(
            jdbc.sql(
                    "select attempts from mail_outbox where status = 'PENDING' and programme_id = :p")
                .param("p", programme)
                .query(Integer.class)
                .list())
        .containsExactly(1);
  }

  @Test
  void aBatchAsksNoQuestionBetweenMessagesUnlessOneFailed() throws Exception {
    register("fine-6a@example.kz");
    register("fine-6b@example.kz");
    register("fine-6c@example.kz");
    try (ScriptedSmtp smtp = new ScriptedSmtp()) {
      assertThat(sender(smtp.port()).sendDue()).isEqualTo(3);
      // Three commands per message, no NOOP or RSET between them (issue 16, eighth pass), and no
      // QUIT: the connection is kept for the next batch (tenth pass).
      assertThat(smtp.commands)
          .containsExactly(
              "EHLO", "MAIL", "RCPT", "DATA", "MAIL", "RCPT", "DATA", "MAIL", "RCPT", "DATA");
    }
    register("fine-7a@example.kz");
    register("gone-7@example.kz");
    register("fine-7b@example.kz");
    try (ScriptedSmtp smtp = new ScriptedSmtp()) {
      assertThat(sender(smtp.port()).sendDue()).isEqualTo(2);
      // After the refused one the connection is checked, and the next message goes over it.
      assertThat(smtp.commands).contains("NOOP");
      assertThat(smtp.connections.get()).isEqualTo(1);
      assertThat(smtp.delivered)
          .containsExactlyInAnyOrder("fine-7a@example.kz", "fine-7b@example.kz");
    }
  }

  @Test
  void anAddressMarkedAfterItsMailWasQueuedIsHeldWhenTheBatchIsSent() throws Exception {
    // Queued straight into the outbox (no registrations: the other tests count the programme's).
    for (String to : List.of("fine-5a@example.kz", "gone-5@example.kz", "fine-5b@example.kz")) {
      transactions.executeWithoutResult(
          tx ->
              outbox.enqueue(
                  new OutgoingMail(
                          MailKind.PROGRAMME_ANNOUNCEMENT.code(),
                          programme,
                          to,
                          "en",
                          "News",
                          "Room changed.",
                          null,
                          List.of(),
                          "test:" + UUID.randomUUID(),
                          false)
                      .about(programme, organisation)));
    }
    // Marked (by a bounce, say) after the mails were queued: the batch's one look-up finds it.
    undeliverable.mark(
        organisation,
        "Gone-5@Example.kz",
        Undeliverable.Reason.REFUSED,
        550,
        "5.1.1",
        Instant.now());
    try (ScriptedSmtp smtp = new ScriptedSmtp()) {
      assertThat(sender(smtp.port()).sendDue()).isEqualTo(2);
      assertThat(smtp.delivered)
          .containsExactlyInAnyOrder("fine-5a@example.kz", "fine-5b@example.kz");
    }
    assertThat(statuses("gone-5@example.kz")).containsExactly("HELD");
    assertThat(statuses("fine-5a@example.kz")).containsExactly("SENT");
  }

  @Test
  void theOrganiserSeesDeliveryAndReleasesAFixedAddress() throws Exception {
    register("gone-2@example.kz");
    register("fine-2@example.kz");
    try (ScriptedSmtp smtp = new ScriptedSmtp()) {
      sender(smtp.port()).sendDue();
    }
    announce();
    assertThat(statuses("gone-2@example.kz")).containsExactly("FAILED", "HELD");

    BackOfficeSession browser = new BackOfficeSession(baseUrl());
    assertThat(browser.password(organiser.email(), Fixtures.PASSWORD).statusCode()).isEqualTo(302);
    String path = "/admin/programmes/" + programme + "/delivery";
    var page = browser.get(path + "?lang=en");
    assertThat(page.statusCode()).isEqualTo(200);
    String body = page.body();
    assertThat(body)
        .contains("gone-2@example.kz")
        .contains("Refused by the receiving server")
        .contains("550 5.1.1")
        .contains("Registration confirmed")
        .doesNotContain("fine-2@example.kz");
    assertThat(auditCount("mail.deliveryViewed")).isPositive();
    // The registrations list says it next to the person, and leads to the delivery page.
    String list = browser.get("/admin/programmes/" + programme + "/registrations?lang=en").body();
    assertThat(list)
        .containsOnlyOnce("E-mail does not arrive: Refused by the receiving server")
        .contains("href=\"" + path + "\"");

    // A message of another programme cannot be used to clear anything.
    int marksBefore = marks();
    var foreign =
        browser.postFrom(path, path + "/release", Map.of("mail", UUID.randomUUID().toString()));
    assertThat(foreign.statusCode()).isEqualTo(404);
    assertThat(marks()).isEqualTo(marksBefore);

    Matcher mail = Pattern.compile("name=\"mail\" value=\"([0-9a-f-]{36})\"").matcher(body);
    assertThat(mail.find()).isTrue();
    var released = browser.postFrom(path, path + "/release", Map.of("mail", mail.group(1)));
    assertThat(released.statusCode()).isEqualTo(302);
    assertThat(BackOfficeSession.location(released)).endsWith("/delivery?done=released");
    assertThat(undeliverable.find(organisation, "gone-2@example.kz")).isEmpty();
    // Held and failed mail to that address is queued again.
    assertThat(statuses("gone-2@example.kz")).containsExactly("PENDING", "PENDING");
    assertThat(auditCount("mail.addressReleased")).isPositive();
    assertThat(browser.get("/admin/programmes/" + programme + "/registrations?lang=en").body())
        .doesNotContain("E-mail does not arrive");
  }

  @Test
  void reportsInTheBounceMailboxMarkTheAddressAndAreDeleted() throws Exception {
    register("later-3@example.kz");
    register("complains-3@example.kz");
    register("slow-3@example.kz");
    String[] sent;
    try (ScriptedSmtp smtp = new ScriptedSmtp()) {
      sender(smtp.port()).sendDue();
      assertThat(smtp.delivered).hasSize(3);
      sent = new String[3];
      for (int i = 0; i < 3; i++) {
        Matcher id = MESSAGE_ID.matcher(smtp.messages.get(i));
        assertThat(id.find()).isTrue();
        sent[i] = smtp.delivered.get(i) + " " + smtp.envelopeSenders.get(i) + " " + id.group(1);
      }
    }
    for (String s : sent) {
      String[] p = s.split(" ");
      switch (p[0]) {
        // Postfix returns it to the VERP address.
        case "later-3@example.kz" -> deliver("postfix-user-unknown.eml", p[1], p[0], p[2]);
        // A complaint (feedback loop) reaches the plain address; the quoted Message-ID finds it.
        case "complains-3@example.kz" -> deliver("arf-abuse.eml", BOUNCES, p[0], p[2]);
        // A delay is only a warning.
        default -> deliver("postfix-delayed.eml", p[1], p[0], p[2]);
      }
    }
    // A forged report (a token whose check does not match) and an ordinary message.
    String forged = "<m" + "0".repeat(32) + "0123456789abcdef@example.org>";
    deliver("postfix-user-unknown.eml", BOUNCES, "fine-3@example.kz", forged);
    mailbox.deliver(plain("Out of office", "I am away until Monday.", "someone@example.kz"));

    assertThat(bounceMailbox().read()).isEqualTo(2);

    assertThat(statuses("later-3@example.kz")).containsExactly("BOUNCED");
    assertThat(statuses("complains-3@example.kz")).containsExactly("BOUNCED");
    assertThat(statuses("slow-3@example.kz")).containsExactly("SENT");
    Undeliverable bounced = undeliverable.find(organisation, "later-3@example.kz").orElseThrow();
    assertThat(bounced.reason()).isEqualTo(Undeliverable.Reason.BOUNCED);
    assertThat(bounced.smtpCode()).isEqualTo(550);
    assertThat(bounced.detail()).isEqualTo("5.1.1");
    assertThat(undeliverable.find(organisation, "complains-3@example.kz").orElseThrow().reason())
        .isEqualTo(Undeliverable.Reason.COMPLAINED);
    assertThat(undeliverable.find(organisation, "slow-3@example.kz")).isEmpty();
    assertThat(undeliverable.find(organisation, "fine-3@example.kz")).isEmpty();

    // The two applied reports are gone (they quote addresses); the other three stay, read.
    assertThat(inbox()).containsExactlyInAnyOrder(true, true, true);
    // Reading again changes nothing.
    assertThat(bounceMailbox().read()).isZero();
  }

  @Test
  void withoutABounceMailboxNothingIsRead() {
    BounceMailbox none =
        new BounceMailbox(
            repository,
            statuses,
            undeliverable,
            new ReturnPath(cipher, ""),
            transactions,
            clock,
            "");
    assertThat(none.configured()).isFalse();
    assertThat(none.read()).isZero();
    assertThat(new ReturnPath(cipher, "").envelopeFrom(UUID.randomUUID())).isNull();
  }

  void deliver(String resource, String envelope, String recipient, String messageId)
      throws Exception {
    String text;
    try (var in = getClass().getResourceAsStream("/bounces/" + resource)) {
      text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    text =
        text.replace("{ENVELOPE}", envelope)
            .replace("{RECIPIENT}", recipient)
            .replace("{MESSAGE_ID}", messageId)
            .replace("\n", "\r\n");
    mailbox.deliver(
        new MimeMessage(
            Session.getInstance(new Properties()),
            new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8))));
  }

  static MimeMessage plain(String subject, String text, String from) throws Exception {
    MimeMessage m = new MimeMessage(Session.getInstance(new Properties()));
    m.setFrom(from);
    m.setRecipients(MimeMessage.RecipientType.TO, BOUNCES);
    m.setSubject(subject);
    m.setText(text);
    m.saveChanges();
    return m;
  }

  /** Whether each message left in the bounce mailbox has been read. */
  List<Boolean> inbox() throws Exception {
    Store store = Session.getInstance(new Properties()).getStore("imap");
    store.connect("127.0.0.1", IMAP_PORT, "bounces", "secret");
    try {
      Folder inbox = store.getFolder("INBOX");
      inbox.open(Folder.READ_ONLY);
      try {
        return java.util.Arrays.stream(inbox.getMessages())
            .map(
                m -> {
                  try {
                    return m.isSet(Flags.Flag.SEEN);
                  } catch (Exception e) {
                    throw new IllegalStateException(e);
                  }
                })
            .toList();
      } finally {
        inbox.close(false);
      }
    } finally {
      store.close();
    }
  }

  int marks() {
    return jdbc.sql("select count(*) from mail_undeliverable").query(Integer.class).single();
  }

  int auditCount(String action) {
    return jdbc.sql("select count(*) from audit_entry where action = :a")
        .param("a", action)
        .query(Integer.class)
        .single();
  }
}
