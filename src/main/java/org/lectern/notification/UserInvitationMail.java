package org.lectern.notification;

import org.lectern.identity.UserInvitations;
import org.lectern.identity.UserInvited;
import org.lectern.identity.UserService;
import org.lectern.shared.i18n.Language;
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
  private final AccountMails mails;

  UserInvitationMail(UserService users, UserInvitations invitations, AccountMails mails) {
    this.users = users;
    this.invitations = invitations;
    this.mails = mails;
  }

  @ApplicationModuleListener
  void on(UserInvited e) {
    var user = users.find(e.userId()).orElse(null);
    if (user == null || user.passwordHash() != null) {
      return;
    }
    var language = Language.fromCode(e.language()).orElseThrow();
    String link = mails.link("/invitation/" + invitations.issue(user.id()));
    mails.queue(
        "identity.invited",
        user,
        language,
        "reporting.invitation.mail.subject",
        "reporting.invitation.mail.text",
        new Object[] {user.fullName(), link},
        "identity.invited:" + user.id(),
        false);
  }
}
