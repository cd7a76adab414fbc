package org.lectern.notification;

import java.util.List;
import java.util.UUID;
import org.lectern.identity.DelegateSignInLinkIssued;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Queues a delegate's sign-in link. A plain (synchronous) listener on purpose: the event carries
 * the link, a credential, and Spring Modulith stores only events for transactional listeners.
 */
@Component
class DelegateSignInMail {

  private final Outbox outbox;
  private final MailRenderer renderer;
  private final MailFrame frame;
  private final Wording wording;

  DelegateSignInMail(Outbox outbox, MailRenderer renderer, MailFrame frame, Wording wording) {
    this.outbox = outbox;
    this.renderer = renderer;
    this.frame = frame;
    this.wording = wording;
  }

  @EventListener
  @Transactional
  void on(DelegateSignInLinkIssued link) {
    String lang = link.language();
    MailContent content =
        new MailContent(
            lang,
            wording.t(lang, "notification.signIn.subject"),
            wording.t(lang, "notification.greeting.anonymous"),
            List.of(
                wording.t(lang, "notification.signIn.body", link.validity().toMinutes()),
                wording.t(lang, "notification.signIn.ignore")),
            List.of(),
            new MailContent.Link(wording.t(lang, "notification.signIn.action"), link.link()),
            frame.footer(lang, true));
    // The token is a credential: the dedupe key must not contain it. Always neutral: this
    // address may belong to a delegate of a neutral programme.
    outbox.enqueue(
        renderer.mail(
            content,
            "delegate.signIn",
            null,
            link.email(),
            List.of(),
            "delegate.signIn:" + UUID.randomUUID(),
            true));
  }
}
