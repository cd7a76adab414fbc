package org.lectern.notification;

import java.util.UUID;
import org.lectern.identity.PasswordResets;
import org.lectern.identity.SignInLocked;
import org.lectern.identity.UserService;
import org.lectern.shared.i18n.Language;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Tells an account holder, once per lock, that sign-in to their account was locked after repeated
 * wrong passwords. Neutral wording: it names neither the product nor an organisation, and is sent
 * from the neutral sender, because a mailbox may be read by someone else.
 */
@Component
class SignInLockedMail {

  private final UserService users;
  private final PasswordResets resets;
  private final AccountMails mails;

  SignInLockedMail(UserService users, PasswordResets resets, AccountMails mails) {
    this.users = users;
    this.resets = resets;
    this.mails = mails;
  }

  @ApplicationModuleListener
  void on(SignInLocked e) {
    var user = users.find(e.userId()).filter(u -> u.isEnabled()).orElse(null);
    if (user == null) {
      return;
    }
    var language = Language.fromCode(resets.languageOf(user.id())).orElse(Language.EN);
    mails.queue(
        MailKind.IDENTITY_SIGN_IN_LOCKED.code(),
        user,
        language,
        "identity.locked.mail.subject",
        "identity.locked.mail.text",
        new Object[] {e.minutes()},
        "identity.signInLocked:" + UUID.randomUUID(),
        true);
  }
}
