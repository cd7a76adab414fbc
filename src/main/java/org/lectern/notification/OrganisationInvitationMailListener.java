package org.lectern.notification;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import org.lectern.organisation.OrganisationInvitations;
import org.lectern.organisation.OrganisationInvited;
import org.lectern.organisation.OrganisationService;
import org.lectern.shared.i18n.Language;
import org.springframework.context.MessageSource;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Tells an invited person which organisation invites them, in which role, with the link to accept
 * or decline (ADR 0010) — after commit, for an address with an account and a new one alike, in the
 * person's language (the inviter's choice for an account without a password yet). One mail per
 * round: a redelivered event queues nothing new; a withdrawn or answered invitation mails nobody.
 */
@Component
class OrganisationInvitationMailListener {

  private static final ZoneId SHOWN_ZONE = ZoneId.of("Asia/Almaty");

  private final AccountMails mails;
  private final OrganisationInvitations invitations;
  private final OrganisationService organisations;
  private final MessageSource messages;

  OrganisationInvitationMailListener(
      AccountMails mails,
      OrganisationInvitations invitations,
      OrganisationService organisations,
      MessageSource messages) {
    this.mails = mails;
    this.invitations = invitations;
    this.organisations = organisations;
    this.messages = messages;
  }

  @ApplicationModuleListener
  void on(OrganisationInvited e) {
    var invitation = invitations.find(e.invitationId(), e.round()).orElse(null);
    if (invitation == null) {
      return;
    }
    var user = mails.enabled(invitation.userId()).orElse(null);
    var organisation = organisations.find(invitation.organisationId()).orElse(null);
    if (user == null || organisation == null) {
      return;
    }
    var language =
        user.passwordHash() == null
            ? Language.fromCode(invitation.language()).orElse(Language.EN)
            : mails.languageOf(user);
    String lang = language.code();
    var token = invitations.issueLink(invitation.id(), e.round()).orElse(null);
    if (token == null) {
      return;
    }
    mails.queue(
        MailKind.ORGANISATION_INVITED.code(),
        user,
        language,
        "organisation.invitation.mail.subject",
        "organisation.invitation.mail.text",
        new Object[] {
          "",
          organisation.name().show(lang, List.of("en", "ru", "kk")).text(),
          messages.getMessage(
              "organisation.role." + invitation.role().name(), null, language.locale()),
          mails.link("/admin/invitations/" + token),
          DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG)
              .withLocale(language.locale())
              .format(invitation.expiresAt().atZone(SHOWN_ZONE))
        },
        MailKind.ORGANISATION_INVITED.code() + ":" + e.round(),
        false);
  }
}
