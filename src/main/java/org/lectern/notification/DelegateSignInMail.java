package org.lectern.notification;

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

  private final LinkMail mail;

  DelegateSignInMail(LinkMail mail) {
    this.mail = mail;
  }

  @EventListener
  @Transactional
  void on(DelegateSignInLinkIssued link) {
    mail.queue(
        MailKind.DELEGATE_SIGN_IN.code(),
        "notification.signIn",
        link.email(),
        link.language(),
        link.validity().toMinutes(),
        link.link());
  }
}
