package org.lectern.notification;

import org.lectern.identity.PasswordResetRequested;
import org.lectern.identity.PasswordResets;
import org.lectern.identity.UserService;
import org.lectern.shared.i18n.Language;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
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
  private final Outbox outbox;
  private final MessageSource messages;
  private final String baseUrl;

  PasswordResetMail(
      UserService users,
      PasswordResets resets,
      Outbox outbox,
      MessageSource messages,
      @Value("${lectern.base-url}") String baseUrl) {
    this.users = users;
    this.resets = resets;
    this.outbox = outbox;
    this.messages = messages;
    this.baseUrl = baseUrl;
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
    String token = resets.issue(user.id());
    String link = baseUrl + "/password-reset/" + token;
    long minutes = PasswordResets.VALIDITY.toMinutes();
    String subject = messages.getMessage("identity.reset.mail.subject", null, language.locale());
    String text =
        messages.getMessage(
            "identity.reset.mail.text",
            new Object[] {user.fullName(), link, minutes},
            language.locale());
    outbox.enqueue(
        new OutgoingMail(
            "identity.passwordReset",
            user.id(),
            user.email(),
            language.code(),
            subject,
            text,
            null,
            null,
            "identity.passwordReset:" + java.util.UUID.randomUUID(),
            false));
  }
}
