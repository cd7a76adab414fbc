package org.lectern.notification;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.Header;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeUtility;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.lectern.certificate.CertificateMailProbe;
import org.lectern.identity.DelegateSignInLinkIssued;
import org.lectern.registration.Invitee;
import org.lectern.registration.OptInMailer;
import org.lectern.shared.i18n.LocalizedText;
import org.lectern.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Every kind of mail (discovered from {@link MailKind}) in every language, for a programme with
 * neutral wording whose organisation, title, topic and venue are random words: none of those words
 * and not the product's name may appear anywhere in the message as it goes out — subject, headers,
 * text, HTML, attachments.
 */
class NeutralMailIT extends IntegrationTest {

  static final List<String> LANGUAGES = List.of("en", "ru", "kk");
  static final SecureRandom RANDOM = new SecureRandom();

  @Autowired RegistrationMails registrationMails;
  @Autowired OptInMails optInMails;
  @Autowired ErasureMail erasureMail;
  @Autowired InvitationMails invitationMails;
  @Autowired ReminderMails reminderMails;
  @Autowired Announcements announcements;
  @Autowired DelegateSignInMail signInMail;
  @Autowired ProgrammeFactsLoader facts;
  @Autowired Outbox outbox;
  @Autowired OutboxRepository repository;
  @Autowired OutboxSender sender;
  @Autowired CertificateMailProbe certificates;
  @Autowired org.lectern.learning.FollowUpMails followUps;
  @Autowired TransactionTemplate transactions;
  @Autowired AccountMailListener lockedMail;
  @Autowired org.lectern.identity.UserService users;

  final List<String> secrets = new ArrayList<>();
  UUID organisation;
  UUID programme;
  String organisationName;
  String programmeTitle;

  static String word() {
    StringBuilder b = new StringBuilder("Qx");
    for (int i = 0; i < 8; i++) {
      b.append((char) ('a' + RANDOM.nextInt(26)));
    }
    return b.toString();
  }

  String secret() {
    String w = word();
    secrets.add(w);
    return w;
  }

  String localized() {
    return "{\"en\":\""
        + secret()
        + " rights\",\"ru\":\""
        + secret()
        + " права\",\"kk\":\""
        + secret()
        + " құқықтары\"}";
  }

  @BeforeAll
  void neutralProgramme() {
    organisation = UUID.randomUUID();
    programme = UUID.randomUUID();
    String orgSlug = secret().toLowerCase();
    jdbc.sql("insert into organisation (id, slug, name) values (:id, :slug, cast(:name as jsonb))")
        .param("id", organisation)
        .param("slug", orgSlug)
        .param("name", localized())
        .update();
    organisationName = secrets.get(secrets.size() - 3);
    jdbc.sql(
            """
            insert into programme (id, organisation_id, slug, title, description, languages,
              time_zone, status)
            values (:id, :org, :slug, cast(:title as jsonb), '{}'::jsonb,
              array['en','ru','kk'], 'Asia/Almaty', 'PUBLISHED')
            """)
        .param("id", programme)
        .param("org", organisation)
        .param("slug", secret().toLowerCase())
        .param("title", localized())
        .update();
    programmeTitle = secrets.get(secrets.size() - 3);
    jdbc.sql("update programme set description = cast(:d as jsonb) where id = :id")
        .param("id", programme)
        .param("d", localized())
        .update();
    session("IN_PERSON", Instant.parse("2031-03-02T04:00:00Z"));
    session("ONLINE", Instant.parse("2031-03-09T04:00:00Z"));
    jdbc.sql("insert into programme_privacy (programme_id, neutral_wording) values (:id, true)")
        .param("id", programme)
        .update();
  }

  void session(String mode, Instant start) {
    jdbc.sql(
            """
            insert into session (id, programme_id, title, abstract, starts_at, ends_at, mode, venue,
              status)
            values (:id, :p, cast(:t as jsonb), cast(:a as jsonb), :s, :e, :mode,
              cast(:v as jsonb), 'PUBLISHED')
            """)
        .param("id", UUID.randomUUID())
        .param("p", programme)
        .param("t", localized())
        .param("a", localized())
        .param("s", Timestamp.from(start))
        .param("e", Timestamp.from(start.plusSeconds(7200)))
        .param("mode", mode)
        .param("v", mode.equals("ONLINE") ? "{}" : localized())
        .update();
  }

  @Test
  void noNeutralMailNamesTheProgrammeOrganisationTopicVenueOrProduct() throws Exception {
    jdbc.sql("delete from mail_outbox").update();
    Set<String> expected = new HashSet<>();
    for (MailKind kind : MailKind.values()) {
      for (String lang : LANGUAGES) {
        if (queue(kind, lang)) {
          expected.add(kind.code() + "/" + lang);
        }
      }
    }
    List<OutboxMessage> queued = repository.recent(1000, 0);
    Set<String> found = new HashSet<>();
    List<String> forbidden = new ArrayList<>(secrets);
    forbidden.add("Lectern");
    JavaMailSenderImpl mailer = new JavaMailSenderImpl();
    for (OutboxMessage row : queued) {
      OutboxMessage m = withAttachments(row);
      found.add(m.mail().kind() + "/" + m.mail().language());
      String everything = render(sender.mime(mailer, m));
      for (String w : forbidden) {
        assertThat(everything)
            .as("%s in %s names %s", m.mail().kind(), m.mail().language(), w)
            .doesNotContainIgnoringCase(w);
      }
      assertThat(everything).contains("training@example.org");
    }
    assertThat(found).isEqualTo(expected);
    // Calendar files and the certificate were really there to leak from.
    assertThat(expected).contains("registration.confirmed/kk", "certificate.issued/ru");
  }

  /**
   * Queues one mail of this kind in this language; false for kinds neutral wording does not cover.
   */
  boolean queue(MailKind kind, String lang) {
    String email = kind.code() + "." + lang + "@example.org";
    MailRecipient c =
        new MailRecipient(UUID.randomUUID(), programme, email, secret() + " Holder", lang, "X");
    // An exhaustive switch: a new kind does not compile until it is rendered here.
    return switch (kind) {
      case REGISTRATION_CONFIRMED -> registration(RegistrationMailKind.CONFIRMED, c);
      case REGISTRATION_WAITLISTED -> registration(RegistrationMailKind.WAITLISTED, c);
      case REGISTRATION_PROMOTED -> registration(RegistrationMailKind.PROMOTED, c);
      case REGISTRATION_PENDING -> registration(RegistrationMailKind.PENDING, c);
      case REGISTRATION_APPROVED -> registration(RegistrationMailKind.APPROVED, c);
      case REGISTRATION_DECLINED -> registration(RegistrationMailKind.DECLINED, c);
      case REGISTRATION_CANCELLED -> registration(RegistrationMailKind.CANCELLED, c);
      case REGISTRATION_INVITED ->
          inTransaction(
              () ->
                  invitationMails.send(
                      UUID.randomUUID(),
                      programme,
                      new Invitee(c.fullName(), email, lang, 1),
                      baseUrl() + "/register/invitation/abc"));
      case REGISTRATION_OPT_IN_CONFIRM -> optIn(OptInMailer.Kind.CONFIRM, c);
      case REGISTRATION_OPT_IN_ALREADY_REGISTERED -> optIn(OptInMailer.Kind.ALREADY_REGISTERED, c);
      case REGISTRATION_OPT_IN_FULL -> optIn(OptInMailer.Kind.FULL, c);
      case REGISTRATION_OPT_IN_CLOSED -> optIn(OptInMailer.Kind.CLOSED, c);
      case SESSION_REMINDER_DAY -> reminders(SessionReminders.Reminder.DAY, c);
      case SESSION_REMINDER_HOUR -> reminders(SessionReminders.Reminder.HOUR, c);
      case PROGRAMME_ANNOUNCEMENT ->
          inTransaction(
              () ->
                  outbox.enqueue(
                      announcements.mail(
                          facts.load(programme),
                          c,
                          UUID.randomUUID(),
                          LocalizedText.of(lang, "Room change"),
                          LocalizedText.of(lang, "We meet one floor up."))));
      case DELEGATE_SIGN_IN ->
          inTransaction(
              () ->
                  signInMail.on(
                      new DelegateSignInLinkIssued(
                          email,
                          lang,
                          baseUrl() + "/my/sign-in/token?token=" + UUID.randomUUID(),
                          Duration.ofMinutes(15))));
      case DELEGATE_ERASURE_CONFIRM ->
          inTransaction(() -> erasureMail.send(email, lang, "erasure-token", Duration.ofHours(24)));
      case CERTIFICATE_ISSUED -> {
        certificates.send(
            programme,
            organisation,
            programmeTitle,
            organisationName,
            c.fullName(),
            email,
            lang,
            ("%PDF " + programmeTitle).getBytes(StandardCharsets.UTF_8));
        yield true;
      }
      case LEARNING_FOLLOW_UP -> inTransaction(() -> followUps.send(programme, c, false));
      case LEARNING_FOLLOW_UP_REMINDER -> inTransaction(() -> followUps.send(programme, c, true));
      // Sent to staff when an account is created, about no programme: not covered.
      case IDENTITY_INVITED, IDENTITY_PASSWORD_RESET -> false;
      // Sent to an organisation's administrators, about no participant (PartnerProposalMailIT).
      case PROGRAMME_PARTNER_PROPOSED -> false;
      // Sent to staff invited to an organisation, about no programme (OrganisationInvitationIT).
      case ORGANISATION_INVITED -> false;
      // Always neutral: the holder of an attacked account may not be the only one reading.
      case IDENTITY_SIGN_IN_LOCKED -> lockedMail(email, c.fullName(), lang);
    };
  }

  /** The listener runs after commit in its own thread: the account is committed first. */
  boolean lockedMail(String email, String fullName, String lang) {
    UUID id = users.create(email, fullName, null, false);
    jdbc.sql("update app_user set language = :l where id = :id")
        .param("l", lang)
        .param("id", id)
        .update();
    lockedMail.on(new org.lectern.identity.SignInLocked(id, 15));
    org.awaitility.Awaitility.await()
        .atMost(java.time.Duration.ofSeconds(20))
        .until(
            () ->
                jdbc.sql("select count(*) from mail_outbox where related_id = :id")
                        .param("id", id)
                        .query(Integer.class)
                        .single()
                    == 1);
    return true;
  }

  boolean optIn(OptInMailer.Kind kind, MailRecipient c) {
    return inTransaction(
        () ->
            optInMails.send(
                kind,
                UUID.randomUUID(),
                programme,
                c.email(),
                c.fullName(),
                c.language(),
                kind == OptInMailer.Kind.CONFIRM ? baseUrl() + "/register/confirm/abc" : null,
                kind == OptInMailer.Kind.CONFIRM ? OptInMailer.Outlook.SEAT : null));
  }

  boolean registration(RegistrationMailKind kind, MailRecipient c) {
    return inTransaction(() -> registrationMails.send(kind, c, 3, "Sorry, no room left."));
  }

  boolean reminders(SessionReminders.Reminder r, MailRecipient c) {
    ProgrammeFacts p = facts.load(programme);
    return inTransaction(() -> p.sessions().forEach(s -> reminderMails.send(p, s, r, c)));
  }

  boolean inTransaction(Runnable r) {
    transactions.executeWithoutResult(tx -> r.run());
    return true;
  }

  OutboxMessage withAttachments(OutboxMessage m) {
    return m.withAttachments(repository.attachments(m.id()));
  }

  /** Every header (decoded) and every part's decoded content and file name, as one text. */
  static String render(MimeMessage out) throws Exception {
    out.saveChanges();
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    out.writeTo(bytes);
    MimeMessage m =
        new MimeMessage(
            Session.getInstance(new Properties()), new ByteArrayInputStream(bytes.toByteArray()));
    StringBuilder b = new StringBuilder();
    for (Header h : Collections.list(m.getAllHeaders())) {
      b.append(h.getName()).append(": ").append(MimeUtility.decodeText(h.getValue())).append('\n');
    }
    part(m, b);
    return b.toString();
  }

  static void part(Part p, StringBuilder b) throws Exception {
    if (p.getFileName() != null) {
      b.append(MimeUtility.decodeText(p.getFileName())).append('\n');
    }
    for (Header h : Collections.list(p.getAllHeaders())) {
      b.append(h.getName()).append(": ").append(MimeUtility.decodeText(h.getValue())).append('\n');
    }
    Object content = p.getContent();
    if (content instanceof Multipart mp) {
      for (int i = 0; i < mp.getCount(); i++) {
        part(mp.getBodyPart(i), b);
      }
      return;
    }
    try (InputStream in = p.getInputStream()) {
      b.append(new String(in.readAllBytes(), StandardCharsets.UTF_8)).append('\n');
    }
  }
}
