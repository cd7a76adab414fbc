package org.lectern.learning;

import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.lectern.notification.DelegateMail;
import org.lectern.notification.MailRecipient;
import org.lectern.programme.Programme;
import org.lectern.programme.ProgrammePrivacy;
import org.lectern.programme.ProgrammeService;
import org.lectern.registration.RegistrationService;
import org.lectern.shared.database.Transactions;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The follow-up invitation and its one reminder, in the delegate's language, with their personal
 * link. With the programme's neutral wording the mail names neither the programme nor its topic.
 */
@Component
public record FollowUpMails(
    DelegateMail mail,
    ProgrammeService programmes,
    RegistrationService registrations,
    ProgrammePrivacy privacy,
    MessageSource messages,
    @Value("${lectern.base-url}") String baseUrl,
    Transactions transactions) {

  static final String INVITATION = "learning.followUp";
  static final String REMINDER = "learning.followUpReminder";

  /** The personal link: it carries the registration's access token, like the test links. */
  String link(UUID registrationId) {
    return baseUrl
        + "/learning/"
        + registrationId
        + "/"
        + registrations.accessToken(registrationId)
        + "/follow-up";
  }

  /** Queues the invitation (or the reminder) in the caller's transaction; once per delegate. */
  public boolean send(UUID programmeId, MailRecipient c, boolean reminder) {
    return transactions.joined(
        () -> {
          Programme p = programmes.find(programmeId).orElseThrow();
          String lang = language(c.language(), p);
          boolean neutral = privacy.neutralWording(p.id());
          String kind = reminder ? REMINDER : INVITATION;
          String variant = (reminder ? "reminder" : "invitation") + (neutral ? ".neutral" : "");
          return mail.send(
              new DelegateMail.Message(
                  kind,
                  programmeId,
                  c.email(),
                  c.fullName(),
                  lang,
                  neutral
                      ? t(lang, "learning.followUp.mail." + variant + ".subject")
                      : t(lang, "learning.followUp.mail." + variant + ".subject", p.title(lang)),
                  List.of(
                      t(lang, "learning.followUp.mail." + variant + ".body"),
                      t(lang, "learning.followUp.mail.link", link(c.registrationId()))),
                  List.of(),
                  List.of(),
                  kind + ":" + programmeId + ":" + c.registrationId(),
                  neutral,
                  programmeId));
        });
  }

  private String t(String lang, String key, Object... args) {
    return messages.getMessage(key, args, Locale.forLanguageTag(lang));
  }

  private static String language(String chosen, Programme p) {
    if (chosen != null && List.of("en", "ru", "kk").contains(chosen)) {
      return chosen;
    }
    return p.languages().stream()
        .filter(l -> List.of("en", "ru", "kk").contains(l))
        .findFirst()
        .orElse("en");
  }
}
