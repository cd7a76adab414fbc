package org.lectern.notification;

import java.util.UUID;
import org.lectern.identity.PasswordResetRequested;
import org.lectern.identity.PasswordResets;
import org.lectern.identity.SignInLocked;
import org.lectern.identity.UserInvitations;
import org.lectern.identity.UserInvited;
import org.lectern.shared.i18n.Language;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Queues the mails identity's events ask for, through {@link AccountMails}: the password-reset
 * link, the invitation to set a password, and the notice that sign-in was locked. Links are issued
 * here, in the same transaction as their mail, so a token exists exactly when its mail is queued
 * and never sits in the event log.
 */
@Component
class AccountMailListener {

  private final AccountMails mails;
  private final UserInvitations invitations;

  AccountMailListener(AccountMails mails, UserInvitations invitations) {
    this.mails = mails;
    this.invitations = invitations;
  }

  /** The reset link in the account's language; a request for an unknown address queues nothing. */
  @ApplicationModuleListener
  void on(PasswordResetRequested e) {
    if (e.userId() == null) {
      return;
    }
    mails
        .enabled(e.userId())
        .ifPresent(
            user -> {
              String link = mails.link("/password-reset/" + mails.resets().issue(user.id()));
              long minutes = PasswordResets.VALIDITY.toMinutes();
              mails.queue(
                  "identity.passwordReset",
                  user,
                  mails.languageOf(user),
                  "identity.reset.mail.subject",
                  "identity.reset.mail.text",
                  new Object[] {user.fullName(), link, minutes},
                  "identity.passwordReset:" + UUID.randomUUID(),
                  false);
            });
  }

  /**
   * Once per lock, after repeated wrong passwords. Neutral wording: it names neither the product
   * nor an organisation, and is sent from the neutral sender, because a mailbox may be read by
   * someone else.
   */
  @ApplicationModuleListener
  void on(SignInLocked e) {
    mails
        .enabled(e.userId())
        .ifPresent(
            user ->
                mails.queue(
                    MailKind.IDENTITY_SIGN_IN_LOCKED.code(),
                    user,
                    mails.languageOf(user),
                    "identity.locked.mail.subject",
                    "identity.locked.mail.text",
                    new Object[] {e.minutes()},
                    "identity.signInLocked:" + UUID.randomUUID(),
                    true));
  }

  /** The invitation to set a password, unless the account has one by now. */
  @ApplicationModuleListener
  void on(UserInvited e) {
    var user = mails.users().find(e.userId()).orElse(null);
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
