package org.lectern.notification;

import org.lectern.identity.OrganisationMemberships;
import org.lectern.organisation.OrganisationService;
import org.lectern.programme.PartnerProposed;
import org.lectern.programme.ProgrammeService;
import org.springframework.context.MessageSource;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Tells the administrators of an organisation that a programme proposes to name it (ADR 0010):
 * which programme, which organisation proposes, in which role, and the link to their proposals page
 * — in each administrator's language, through the outbox. Nothing about the programme's
 * participants.
 */
@Component
class PartnerProposalMailListener {

  private final AccountMails mails;
  private final OrganisationMemberships memberships;
  private final OrganisationService organisations;
  private final ProgrammeService programmes;
  private final MessageSource messages;

  PartnerProposalMailListener(
      AccountMails mails,
      OrganisationMemberships memberships,
      OrganisationService organisations,
      ProgrammeService programmes,
      MessageSource messages) {
    this.mails = mails;
    this.memberships = memberships;
    this.organisations = organisations;
    this.programmes = programmes;
    this.messages = messages;
  }

  @ApplicationModuleListener
  void on(PartnerProposed e) {
    var programme = programmes.find(e.programmeId()).orElse(null);
    var named = organisations.find(e.organisationId()).orElse(null);
    var host =
        programme == null ? null : organisations.find(programme.organisationId()).orElse(null);
    if (programme == null || named == null || host == null) {
      return;
    }
    String link = mails.link("/admin/organisations/" + named.id() + "/partner-proposals");
    for (var member : memberships.members(named.id())) {
      if (!"ADMIN".equals(member.role())) {
        continue;
      }
      mails
          .enabled(member.userId())
          .ifPresent(
              user -> {
                var language = mails.languageOf(user);
                String lang = language.code();
                mails.queue(
                    MailKind.PROGRAMME_PARTNER_PROPOSED.code(),
                    user,
                    language,
                    "programme.partner.mail.subject",
                    "programme.partner.mail.text",
                    new Object[] {
                      user.fullName(),
                      host.name().show(lang, programme.languages()).text(),
                      named.name().show(lang, programme.languages()).text(),
                      programme.title().show(lang, programme.languages()).text(),
                      messages.getMessage(
                          "programme.partner.role." + e.role().name(), null, language.locale()),
                      link
                    },
                    MailKind.PROGRAMME_PARTNER_PROPOSED.code()
                        + ":"
                        + e.proposalId()
                        + ":"
                        + user.id(),
                    false);
              });
    }
  }
}
