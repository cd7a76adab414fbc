package org.lectern.notification;

import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * A neutral mail whose point is one link that works for a while (a delegate's sign-in, the
 * confirmation of an erasure): subject, anonymous greeting, what the link does and how long it
 * works, "ignore this if it was not you", the link, the neutral footer. It names no programme,
 * organisation or product, since the address may belong to a delegate of a neutral programme.
 */
@Component
record LinkMail(Outbox outbox, MailRenderer renderer, MailFrame frame, Wording wording) {

  /**
   * Queues it. The link is a credential: the dedupe key must not contain it.
   *
   * @param kind the mail kind, also the dedupe key's prefix
   * @param keys the message keys' prefix: {@code .subject}, {@code .body} (with {@code validity}),
   *     {@code .ignore}, {@code .action}
   */
  void queue(String kind, String keys, String email, String lang, long validity, String url) {
    MailContent content =
        new MailContent(
            lang,
            wording.t(lang, keys + ".subject"),
            wording.t(lang, "notification.greeting.anonymous"),
            List.of(wording.t(lang, keys + ".body", validity), wording.t(lang, keys + ".ignore")),
            List.of(),
            new MailContent.Link(wording.t(lang, keys + ".action"), url),
            frame.footer(lang, true));
    outbox.enqueue(
        renderer
            .layout(content)
            .mail(kind, null, email, List.of(), kind + ":" + UUID.randomUUID(), true));
  }
}
