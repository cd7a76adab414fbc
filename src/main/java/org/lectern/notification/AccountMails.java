package org.lectern.notification;

import java.util.Optional;
import java.util.UUID;
import org.lectern.identity.LecternUser;
import org.lectern.identity.PasswordResets;
import org.lectern.identity.UserService;
import org.lectern.shared.i18n.Language;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * Mail to an account holder about their account (not about a programme): its subject and text read
 * from the message bundle in the holder's language, queued in the outbox.
 */
@Component
record AccountMails(
    Outbox outbox,
    MessageSource messages,
    UserService users,
    PasswordResets resets,
    @Value("${lectern.base-url}") String baseUrl) {

  /** The account, when it exists and is enabled (a disabled one gets no mail about itself). */
  Optional<LecternUser> enabled(UUID userId) {
    return users.find(userId).filter(u -> u.isEnabled());
  }

  /** The language the holder chose, else English. */
  Language languageOf(LecternUser user) {
    return Language.fromCode(resets.languageOf(user.id())).orElse(Language.EN);
  }

  /** The installation's address of {@code path} ({@code /…}), for links in the mail. */
  String link(String path) {
    return baseUrl + path;
  }

  /**
   * Queues the mail with the subject and text of these message keys (the text formatted with {@code
   * args}).
   *
   * @param neutral worded and sent neutrally (see {@link OutgoingMail})
   */
  void queue(
      String kind,
      LecternUser user,
      Language language,
      String subjectKey,
      String textKey,
      Object[] args,
      String dedupeKey,
      boolean neutral) {
    String subject = messages.getMessage(subjectKey, null, language.locale());
    String text = messages.getMessage(textKey, args, language.locale());
    outbox.enqueue(
        new OutgoingMail(
            kind,
            user.id(),
            user.email(),
            language.code(),
            subject,
            text,
            null,
            null,
            dedupeKey,
            neutral));
  }
}
