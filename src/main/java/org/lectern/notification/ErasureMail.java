package org.lectern.notification;

import java.time.Duration;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The link that confirms a delegate's erasure request (asked for on "My trainings"). Always
 * neutral: it names no programme, organisation or product, since the address may belong to a
 * delegate of a neutral programme.
 */
@Component
public class ErasureMail {

  private final LinkMail mail;

  ErasureMail(LinkMail mail) {
    this.mail = mail;
  }

  @Transactional(propagation = Propagation.MANDATORY)
  public void send(String email, String language, String token, Duration validity) {
    String lang = Wording.language(language).code();
    String url = mail.frame().baseUrl() + "/my/erasure/confirm?token=" + token + "&lang=" + lang;
    mail.queue(
        MailKind.DELEGATE_ERASURE_CONFIRM.code(),
        "notification.erasure",
        email,
        lang,
        validity.toHours(),
        url);
  }
}
