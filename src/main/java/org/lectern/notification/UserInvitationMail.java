package org.lectern.notification;

import org.lectern.identity.UserInvitations;
import org.lectern.identity.UserInvited;
import org.lectern.identity.UserService;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Queues the invitation to set a password. The token is issued here, in the same transaction as the
 * mail, so a token exists exactly when its mail is queued and never sits in the event log.
 */
@Component
class UserInvitationMail {

  private final UserService users;
  private final UserInvitations invitations;
  private final Outbox outbox;
  private final MessageSource messages;
  private final String baseUrl;

  UserInvitationMail(
      UserService users,
      UserInvitations invitations,
      Outbox outbox,
      MessageSource messages,
      @Value("${lectern.base-url}") String baseUrl) {
    this.users = users;
    this.invitations = invitations;
    this.outbox = outbox;
    this.messages = messages;
    this.baseUrl = baseUrl;
  }

  @ApplicationModuleListener
  void on(UserInvited e) {
    var user = users.find(e.userId()).orElse(null);
    if (user == null || user.passwordHash() != null) {
      return;
    }
    var locale = org.lectern.shared.i18n.Language.fromCode(e.language()).orElseThrow().locale();
    String link = baseUrl + "/invitation/" + invitations.issue(user.id());
    String subject = messages.getMessage("reporting.invitation.mail.subject", null, locale);
    String text =
        messages.getMessage(
            "reporting.invitation.mail.text", new Object[] {user.fullName(), link}, locale);
    outbox.enqueue(
        new OutgoingMail(
            "identity.invited",
            user.id(),
            user.email(),
            e.language(),
            subject,
            text,
            null,
            null,
            "identity.invited:" + user.id(),
            false));
  }
}
