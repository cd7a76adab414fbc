package org.lectern.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.lectern.registration.RegistrationService;
import org.lectern.shared.privacy.RemovalReason;
import org.lectern.support.IntegrationTest;
import org.lectern.support.Registrations;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Issue 16, tenth pass: the mails a batch composes alike store their words once ({@code
 * mail_shared_body}) and each only its recipient and greeting, sealed. Read back — for sending, on
 * the outbox page, in the person's data — each is exactly the mail laid out and stored whole, for
 * many people in Russian, Kazakh and English, names with markup and long names; a person's erasure
 * takes their mail (and greeting) away, a programme's purge its words too.
 */
class SharedBodyIT extends IntegrationTest {

  @Autowired RegistrationService registrations;
  @Autowired RegistrationMails registrationMails;
  @Autowired DelegateRegistrations directory;
  @Autowired OutboxSender sender;
  @Autowired OutboxRepository outbox;
  @Autowired SentMails sentMails;
  @Autowired MailRemoval removal;
  @Autowired TransactionTemplate transactions;

  MailFixtures.Programme programme;

  @BeforeAll
  void programme() {
    programme = MailFixtures.programme(jdbc);
  }

  /** Everyone's mail composed (in batches by the background thread or here). */
  void composeEverything() {
    long deadline = System.nanoTime() + java.time.Duration.ofSeconds(20).toNanos();
    do {
      sender.sendDue();
    } while (jdbc.sql("select count(*) from registration_mail_job where next_attempt_at <= now()")
                .query(Integer.class)
                .single()
            > 0
        && System.nanoTime() < deadline);
  }

  UUID mailId(UUID registrationId) {
    return jdbc.sql("select id from mail_outbox where related_id = :r")
        .param("r", registrationId)
        .query(UUID.class)
        .single();
  }

  OutboxMessage read(UUID registrationId) {
    UUID id = mailId(registrationId);
    return outbox.find(id).orElseThrow().withAttachments(outbox.attachments(id));
  }

  @Test
  void eachMailReadsAsTheMailLaidOutWholeAndStoresOnlyItsGreeting() {
    String longName = "Александра-Виктория " + "Константинопольская-".repeat(8) + "Ким";
    List<String[]> people =
        List.of(
            new String[] {"Анна <Иванова>", "ru"},
            new String[] {"Болат & сыновья \"Ltd\"", "kk"},
            new String[] {"O'Brien <script>alert(1)</script>", "en"},
            new String[] {longName, "ru"},
            new String[] {"Әйгерім Сәрсенбаева", "kk"},
            new String[] {"Zoë Smith-Jones", "en"},
            new String[] {"Ерлан", "ru"},
            new String[] {"  Тимур  ", "kk"},
            new String[] {"Ann > Bob ≠ Cat", "en"},
            new String[] {"Айгерим Сапарова", "ru"});
    Map<UUID, String> ids = new LinkedHashMap<>();
    int n = 0;
    for (int round = 0; round < 3; round++) {
      for (String[] p : people) {
        String email = "shared-body-" + (n++) + "@example.kz";
        UUID id =
            registrations
                .register(
                    programme.id(), Registrations.request(p[0], email, p[1], false, Map.of()), null)
                .registration()
                .id();
        ids.put(id, p[1]);
      }
    }
    composeEverything();
    // Stored: the words once per language, each mail its recipient and greeting only.
    assertThat(
            jdbc.sql(
                    """
                    select count(*) from mail_outbox where related_id in (:r)
                      and shared_body_id is not null and greeting is not null
                      and subject is null and body_text is null and body_html is null
                      and shared_attachment_id is null
                    """)
                .param("r", List.copyOf(ids.keySet()))
                .query(Integer.class)
                .single())
        .isEqualTo(ids.size());
    assertThat(
            jdbc.sql(
                    "select count(distinct language) = count(*) from mail_shared_body"
                        + " where id in (select shared_body_id from mail_outbox where related_id in (:r))")
                .param("r", List.copyOf(ids.keySet()))
                .query(Boolean.class)
                .single())
        .isTrue();
    Map<UUID, OutboxMessage> shared = new LinkedHashMap<>();
    ids.keySet().forEach(id -> shared.put(id, read(id)));

    // The same people's mails composed one by one, laid out and stored whole (as before).
    jdbc.sql("delete from mail_outbox where related_id in (:r)")
        .param("r", List.copyOf(ids.keySet()))
        .update();
    transactions.executeWithoutResult(
        tx ->
            ids.keySet()
                .forEach(
                    id ->
                        assertThat(
                                registrationMails.send(
                                    RegistrationMailKind.CONFIRMED,
                                    directory.contactOf(id).orElseThrow(),
                                    null,
                                    null))
                            .isTrue()));
    assertThat(
            jdbc.sql(
                    "select count(*) from mail_outbox where related_id in (:r)"
                        + " and shared_body_id is null and body_html is not null")
                .param("r", List.copyOf(ids.keySet()))
                .query(Integer.class)
                .single())
        .isEqualTo(ids.size());
    List<String> greetings = new ArrayList<>();
    for (UUID id : ids.keySet()) {
      OutgoingMail whole = read(id).mail();
      OutgoingMail fromShared = shared.get(id).mail();
      assertThat(fromShared.subject()).isEqualTo(whole.subject());
      assertThat(fromShared.text()).isEqualTo(whole.text());
      assertThat(fromShared.html()).isEqualTo(whole.html());
      assertThat(fromShared.language()).isEqualTo(whole.language()).isEqualTo(ids.get(id));
      assertThat(fromShared.to()).isEqualTo(whole.to());
      assertThat(fromShared.senderName()).isEqualTo(whole.senderName());
      assertThat(fromShared.attachments()).hasSize(1);
      assertThat(fromShared.attachments().get(0).sharedId())
          .isEqualTo(whole.attachments().get(0).sharedId());
      assertThat(fromShared.attachments().get(0).content())
          .isEqualTo(whole.attachments().get(0).content());
      greetings.add(fromShared.text().lines().findFirst().orElseThrow());
    }
    assertThat(String.join("\n", greetings))
        .contains("Анна <Иванова>", "O'Brien <script>", "Константинопольская-Ким");
    assertThat(shared.values().stream().map(m -> m.mail().html()).toList())
        .anySatisfy(
            h ->
                assertThat(h)
                    .contains("&lt;script&gt;alert(1)&lt;/script&gt;")
                    .doesNotContain("<script>"));
  }

  @Test
  void thePersonsDataShowsTheMailAndErasureTakesItWhileThePurgeTakesTheWords() {
    MailFixtures.Programme own = MailFixtures.programme(jdbc);
    UUID keep = register(own, "Оставшийся Участник", "shared-keep@example.kz");
    UUID gone = register(own, "Удаляемый <Участник>", "shared-gone@example.kz");
    composeEverything();
    UUID body =
        jdbc.sql("select shared_body_id from mail_outbox where related_id = :r")
            .param("r", gone)
            .query(UUID.class)
            .single();
    assertThat(body).isNotNull();
    var mine = sentMails.to("shared-gone@example.kz", List.of(gone));
    assertThat(mine).hasSize(1);
    assertThat(mine.get(0).subject()).contains(MailFixtures.TITLE_RU);
    assertThat(mine.get(0).body())
        .isEqualTo(read(gone).mail().text())
        .contains("Удаляемый <Участник>");

    transactions.executeWithoutResult(
        tx -> removal.eraseRegistrations(List.of(gone), RemovalReason.ERASURE));
    assertThat(count("select count(*) from mail_outbox where related_id = :r", gone)).isZero();
    // The other person's mail still reads whole: the words stay while a mail refers to them.
    assertThat(read(keep).mail().text()).contains("Оставшийся Участник");
    assertThat(count("select count(*) from mail_shared_body where id = :r", body)).isEqualTo(1);

    transactions.executeWithoutResult(
        tx -> removal.anonymiseProgramme(own.id(), RemovalReason.PURGE));
    assertThat(count("select count(*) from mail_shared_body where programme_id = :r", own.id()))
        .isZero();
    assertThat(
            count("select count(*) from mail_shared_attachment where programme_id = :r", own.id()))
        .isZero();
  }

  UUID register(MailFixtures.Programme p, String name, String email) {
    return registrations
        .register(p.id(), Registrations.request(name, email, "ru", false, Map.of()), null)
        .registration()
        .id();
  }

  int count(String sql, UUID id) {
    return jdbc.sql(sql).param("r", id).query(Integer.class).single();
  }
}
