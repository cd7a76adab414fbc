package org.lectern.retention;

import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.lectern.audit.AuditLog;
import org.lectern.identity.LecternUser;
import org.lectern.programme.Programme;
import org.lectern.programme.ProgrammeService;
import org.lectern.registration.RegistrationHolders;
import org.lectern.shared.database.Transactions;
import org.lectern.shared.error.NotFoundException;
import org.lectern.shared.privacy.RemovalReason;
import org.springframework.stereotype.Service;

/**
 * Erasure of one person's data: at their own request (confirmed by e-mail, in the notification
 * module) or carried out by an organiser. What stays is what reports count, with no name: see
 * {@link org.lectern.shared.privacy.PersonalDataRemoval}. The audit entry records that an erasure
 * happened and how many registrations it reached, never whose.
 */
@Service
public record Erasure(
    PersonalDataRemovals removals,
    RegistrationHolders holders,
    ProgrammeService programmes,
    AuditLog audit,
    Transactions transactions) {

  /** Erases these registrations (the caller has established whose they are). */
  public void eraseRegistrations(Collection<UUID> registrationIds) {
    transactions.run(() -> removals.eraseRegistrations(registrationIds, RemovalReason.ERASURE));
  }

  /** What an organiser's erasure of this registration's holder would reach. */
  public Target target(LecternUser actor, UUID registrationId) {
    UUID programmeId =
        holders
            .programmeOf(registrationId)
            .orElseThrow(() -> new NotFoundException("registration.notFound"));
    // A registration is personal data: to whoever may not manage its programme it does not exist.
    Programme p =
        programmes
            .find(programmeId)
            .filter(x -> programmes.canManage(actor, x))
            .orElseThrow(() -> new NotFoundException("registration.notFound"));
    List<UUID> reach =
        holders.sameHolder(registrationId).stream().filter(id -> manages(actor, id)).toList();
    return new Target(p, reach);
  }

  /** Carries out the erasure of the holder of this registration; returns how many it reached. */
  public int eraseByOrganiser(LecternUser actor, UUID registrationId) {
    return transactions.result(
        () -> {
          Target t = target(actor, registrationId);
          if (t.registrations().isEmpty()) {
            return 0;
          }
          removals.eraseRegistrations(t.registrations(), RemovalReason.ERASURE);
          audit.record(
              new AuditLog.Record(
                  actor.id(),
                  actor.fullName(),
                  "registration.erased",
                  t.programme().organisationId(),
                  "programme",
                  t.programme().id().toString(),
                  t.registrations().size(),
                  null,
                  t.programme().id()));
          return t.registrations().size();
        });
  }

  private boolean manages(LecternUser actor, UUID registrationId) {
    return holders
        .programmeOf(registrationId)
        .flatMap(programmes::find)
        .filter(p -> programmes.canManage(actor, p))
        .isPresent();
  }

  /** The programme the erasure starts from and the registrations it reaches. */
  public record Target(Programme programme, List<UUID> registrations) {}
}
