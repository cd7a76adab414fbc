package org.lectern.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.util.GreenMail;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.lectern.identity.LecternUser;
import org.lectern.identity.UserService;
import org.lectern.organisation.OrganisationService;
import org.lectern.programme.PartnerRole;
import org.lectern.programme.Programme;
import org.lectern.programme.ProgrammePartner;
import org.lectern.programme.ProgrammePartners;
import org.lectern.shared.i18n.LocalizedText;
import org.lectern.support.Fixtures;
import org.lectern.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A proposal to name an organisation on a programme is mailed to that organisation's administrators
 * (ADR 0010): through the outbox, in each one's language, naming the programme, the proposing
 * organisation and the role, with the link to their proposals page — not to its other members, not
 * again for the same pending proposal, nothing for an id of no organisation, and nothing about the
 * programme's participants.
 */
class PartnerProposalMailIT extends IntegrationTest {

  static final int SMTP_PORT = MailFixtures.freePort();
  static final GreenMail smtp = MailFixtures.smtp(SMTP_PORT);

  @DynamicPropertySource
  static void mail(DynamicPropertyRegistry registry) {
    registry.add("spring.mail.host", () -> "127.0.0.1");
    registry.add("spring.mail.port", () -> SMTP_PORT);
  }

  @Autowired UserService users;
  @Autowired OrganisationService organisations;
  @Autowired ProgrammePartners partners;
  @Autowired Fixtures fixtures;
  @Autowired OutboxDrain sender;

  @AfterAll
  static void stop() {
    smtp.stop();
  }

  @Test
  void theNamedOrganisationsAdministratorsAreToldInTheirLanguage() throws Exception {
    LecternUser host = fixtures.organiser("mail-host");
    String hostName = "Org mail-host";
    Programme p =
        fixtures.programme(
            host,
            "mail-proposal",
            new LocalizedText(Map.of("ru", "Право на защиту", "en", "The right to a defence")),
            List.of("ru", "en"),
            null,
            40);
    String suffix = UUID.randomUUID().toString().substring(0, 8);
    UUID centre =
        organisations
            .create("mail-centre-" + suffix, LocalizedText.of("en", "Mail Rights Centre"), null)
            .id();
    String ruAdmin = "ru-admin-" + suffix + "@centre.example";
    String enAdmin = "en-admin-" + suffix + "@centre.example";
    String member = "member-" + suffix + "@centre.example";
    UUID ru = users.create(ruAdmin, "Дана Админ", Fixtures.PASSWORD, false);
    UUID en = users.create(enAdmin, "Erlan Admin", Fixtures.PASSWORD, false);
    UUID m = users.create(member, "Mira Member", Fixtures.PASSWORD, false);
    users.grantOrganisationRole(centre, ru, "ADMIN");
    users.grantOrganisationRole(centre, en, "ADMIN");
    users.grantOrganisationRole(centre, m, "MEMBER");
    jdbc.sql("update app_user set language = 'ru' where id = :id").param("id", ru).update();

    partners.putPartner(host, p.id(), partner(centre, "Совместно с центром"));
    await().atMost(Duration.ofSeconds(20)).until(() -> queued(centre, p) == 2);
    // The same pending proposal again, and an id of no organisation: no further mail.
    partners.putPartner(host, p.id(), partner(centre, "Совместно с центром"));
    partners.putPartner(host, p.id(), partner(UUID.randomUUID(), ""));
    sender.sendDue();

    String ruText = text(ruAdmin);
    assertThat(ruText)
        .contains("Дана Админ")
        .contains(hostName)
        .contains("Mail Rights Centre")
        .contains("«Право на защиту»")
        .contains("Соорганизатор")
        .contains("/admin/organisations/" + centre + "/partner-proposals");
    assertThat(text(enAdmin))
        .contains("Erlan Admin")
        .contains(hostName)
        .contains("The right to a defence")
        .contains("Co-organiser")
        .contains("/admin/organisations/" + centre + "/partner-proposals");
    assertThat(received(member)).isZero();
    assertThat(queued(centre, p)).isEqualTo(2);

    // Accepted, then the host changes the texts: a new proposal, told again.
    partners.acceptProposal(users.find(en).orElseThrow(), centre, p.id(), PartnerRole.CO_ORGANISER);
    partners.putPartner(host, p.id(), partner(centre, "Другой текст"));
    await().atMost(Duration.ofSeconds(20)).until(() -> queued(centre, p) == 4);
  }

  private static ProgrammePartner partner(UUID organisation, String acknowledgement) {
    return new ProgrammePartner(
        organisation,
        PartnerRole.CO_ORGANISER,
        acknowledgement.isEmpty() ? LocalizedText.empty() : LocalizedText.of("ru", acknowledgement),
        LocalizedText.empty(),
        0);
  }

  /** The mails of this kind queued for the organisation's people. */
  private int queued(UUID organisation, Programme p) {
    return jdbc.sql(
            "select count(*) from mail_outbox where kind = 'programme.partnerProposed'"
                + " and related_id in (select user_id from organisation_member"
                + " where organisation_id = :o)")
        .param("o", organisation)
        .query(Integer.class)
        .single();
  }

  private int received(String address) {
    return (int)
        Arrays.stream(smtp.getReceivedMessages())
            .filter(x -> MailFixtures.recipientIs(x, address))
            .count();
  }

  private String text(String address) throws Exception {
    var mail =
        Arrays.stream(smtp.getReceivedMessages())
            .filter(x -> MailFixtures.recipientIs(x, address))
            .findFirst()
            .orElseThrow();
    return MailFixtures.part(mail, "text/plain");
  }
}
