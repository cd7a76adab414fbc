package org.lectern.notification;

import org.lectern.identity.DelegateSignInLinkIssued;
import org.lectern.shared.database.Transactions;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Queues a delegate's sign-in link. A plain (synchronous) listener on purpose: the event carries
 * the link, a credential, and Spring Modulith stores only events for transactional listeners.
 */
@Component
record DelegateSignInMail(LinkMail mail, Transactions transactions) {

  @EventListener
  void on(DelegateSignInLinkIssued link) {
    transactions.run(
        () ->
            mail.queue(
                MailKind.DELEGATE_SIGN_IN.code(),
                "notification.signIn",
                link.email(),
                link.language(),
                link.validity().toMinutes(),
                link.link()));
  }
}
