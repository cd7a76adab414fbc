package org.lectern.notification;

import java.util.UUID;
import org.lectern.identity.PasswordResetRequested;
import org.lectern.identity.PasswordResets;
import org.lectern.identity.UserService;
import org.lectern.shared.i18n.Language;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Queues the password-reset link in the account's language. The token is issued here, with the
 * mail, so it never sits in the event log; a request for an unknown address queues nothing.
 */
@Component
class PasswordResetMail {

  private final UserService users;
  private final PasswordResets resets;
  private final AccountMails mails;

  PasswordResetMail(UserService users, PasswordResets resets, AccountMails mails) {
    this.users = users;
    this.resets = resets;
    this.mails = mails;
  }

  @ApplicationModuleListener
  void on(PasswordResetRequested e) {
    if (e.userId() == null) {
      return;
    }
    var user = users.find(e.userId()).filter(u -> u.isEnabled()).orElse(null);
    if (user == null) {
      return;
    }
    var language = Language.fromCode(resets.languageOf(user.id())).orElse(Language.EN);
    String link = mails.link("/password-reset/" + resets.issue(user.id()));
    long minutes = PasswordResets.VALIDITY.toMinutes();
    mails.queue(
        "identity.passwordReset",
        user,
        language,
        "identity.reset.mail.subject",
        "identity.reset.mail.text",
        new Object[] {user.fullName(), link, minutes},
        "identity.passwordReset:" + UUID.randomUUID(),
        false);
  }
}
