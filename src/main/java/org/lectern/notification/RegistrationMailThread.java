package org.lectern.notification;

import org.lectern.shared.lifecycle.CoalescingWorker;
import org.springframework.stereotype.Component;

/**
 * The one background thread that composes registration mails after their registrations commit
 * ({@link RegistrationMailJobs}). A failure leaves the rest to the outbox job; the next
 * registration asks again.
 */
@Component
class RegistrationMailThread extends CoalescingWorker {

  RegistrationMailThread() {
    super("registration-mail");
  }
}
