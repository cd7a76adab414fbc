package org.lectern.notification;

import java.util.UUID;
import org.lectern.registration.RegistrationCancelled;
import org.lectern.registration.RegistrationDeclined;
import org.lectern.registration.RegistrationPromoted;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Queues the delegate's e-mail for the changes of a registration made later (promoted, declined,
 * cancelled); a new registration's mail is noted in its own transaction ({@link
 * RegistrationMailJobs}). Runs after the change commits, in its own transaction; the event
 * publication registry keeps the event until this succeeds, so a crash in between does not lose the
 * mail (it is retried on restart).
 */
@Component
class RegistrationMailListener {

  private final RegistrationMails mails;
  private final DelegateRegistrations directory;

  RegistrationMailListener(RegistrationMails mails, DelegateRegistrations directory) {
    this.mails = mails;
    this.directory = directory;
  }

  @ApplicationModuleListener
  void on(RegistrationPromoted e) {
    send(RegistrationMailKind.PROMOTED, e.registrationId(), null);
  }

  @ApplicationModuleListener
  void on(RegistrationDeclined e) {
    // The message is read here, not carried by the event: events are stored in clear.
    send(
        RegistrationMailKind.DECLINED,
        e.registrationId(),
        directory.decisionMessageOf(e.registrationId()).orElse(null));
  }

  @ApplicationModuleListener
  void on(RegistrationCancelled e) {
    send(RegistrationMailKind.CANCELLED, e.registrationId(), null);
  }

  private void send(RegistrationMailKind kind, UUID registrationId, String message) {
    directory.contactOf(registrationId).ifPresent(c -> mails.send(kind, c, null, message));
  }
}
