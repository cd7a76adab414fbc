package org.lectern.notification;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
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

  private final Outbox outbox;
  private final MailRenderer renderer;
  private final MailFrame frame;
  private final Wording wording;

  ErasureMail(Outbox outbox, MailRenderer renderer, MailFrame frame, Wording wording) {
    this.outbox = outbox;
    this.renderer = renderer;
    this.frame = frame;
    this.wording = wording;
  }

  @Transactional(propagation = Propagation.MANDATORY)
  public void send(String email, String language, String token, Duration validity) {
    String lang = Wording.language(language).code();
    String url = frame.baseUrl() + "/my/erasure/confirm?token=" + token + "&lang=" + lang;
    MailContent content =
        new MailContent(
            lang,
            wording.t(lang, "notification.erasure.subject"),
            wording.t(lang, "notification.greeting.anonymous"),
            List.of(
                wording.t(lang, "notification.erasure.body", validity.toHours()),
                wording.t(lang, "notification.erasure.ignore")),
            List.of(),
            new MailContent.Link(wording.t(lang, "notification.erasure.action"), url),
            frame.footer(lang, true));
    // The link is a credential: the dedupe key must not contain it.
    outbox.enqueue(
        renderer.mail(
            content,
            MailKind.DELEGATE_ERASURE_CONFIRM.code(),
            null,
            email,
            List.of(),
            "delegate.erasureConfirm:" + UUID.randomUUID(),
            true));
  }
}
