package org.lectern.notification;

import java.time.Duration;
import org.lectern.shared.database.Transactions;
import org.springframework.stereotype.Component;

/**
 * The link that confirms a delegate's erasure request (asked for on "My trainings"). Always
 * neutral: it names no programme, organisation or product, since the address may belong to a
 * delegate of a neutral programme.
 */
@Component
public record ErasureMail(LinkMail mail, Transactions transactions) {

  public void send(String email, String language, String token, Duration validity) {
    transactions.joinedRun(
        () -> {
          String lang = Wording.language(language).code();
          String url =
              mail.frame().baseUrl() + "/my/erasure/confirm?token=" + token + "&lang=" + lang;
          mail.queue(
              MailKind.DELEGATE_ERASURE_CONFIRM.code(),
              "notification.erasure",
              email,
              lang,
              validity.toHours(),
              url);
        });
  }
}
