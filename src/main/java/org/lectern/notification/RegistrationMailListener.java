package org.lectern.notification;

import java.util.UUID;
import org.lectern.registration.RegistrationCancelled;
import org.lectern.registration.RegistrationConfirmed;
import org.lectern.registration.RegistrationDeclined;
import org.lectern.registration.RegistrationPending;
import org.lectern.registration.RegistrationPromoted;
import org.lectern.registration.RegistrationService;
import org.lectern.registration.RegistrationWaitlisted;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Queues the delegate's e-mail for every change of their registration. Runs after the change
 * commits, in its own transaction; the event publication registry keeps the event until this
 * succeeds, so a crash in between does not lose the mail (it is retried on restart).
 */
@Component
class RegistrationMailListener {

  private final RegistrationMails mails;
  private final DelegateRegistrations directory;
  private final RegistrationService registrations;

  RegistrationMailListener(
      RegistrationMails mails, DelegateRegistrations directory, RegistrationService registrations) {
    this.mails = mails;
    this.directory = directory;
    this.registrations = registrations;
  }

  @ApplicationModuleListener
  void on(RegistrationConfirmed e) {
    send(RegistrationMailKind.CONFIRMED, e.registrationId(), null);
  }

  @ApplicationModuleListener
  void on(RegistrationWaitlisted e) {
    Integer position =
        registrations.find(e.registrationId()).map(registrations::position).orElse(null);
    directory
        .contactOf(e.registrationId())
        .ifPresent(c -> mails.send(RegistrationMailKind.WAITLISTED, c, position, null));
  }

  @ApplicationModuleListener
  void on(RegistrationPromoted e) {
    send(RegistrationMailKind.PROMOTED, e.registrationId(), null);
  }

  @ApplicationModuleListener
  void on(RegistrationPending e) {
    send(RegistrationMailKind.PENDING, e.registrationId(), null);
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
