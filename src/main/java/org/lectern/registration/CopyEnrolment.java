package org.lectern.registration;

import java.util.Optional;
import java.util.UUID;
import org.lectern.identity.LecternUser;
import org.lectern.identity.PendingToken;
import org.lectern.programme.Programme;
import org.lectern.programme.ProgrammeService;
import org.lectern.registration.RegistrationService.Registered;
import org.springframework.stereotype.Service;

/**
 * An organiser's registration checked against this node's copy of the programme and its form set-up
 * ({@link ProgrammeCopies}; ADR 0004, amendment "checked against a copy"): no read of the programme
 * or the form before the batch, and the batch registers the entry only if its own reads find the
 * copy current. Everything else is {@link RegistrationService}'s.
 */
@Service
record CopyEnrolment(
    RegistrationService service,
    ProgrammeService programmes,
    ProgrammeCopies copies,
    GroupEnrolment group) {

  /**
   * This node's copy of the programme and its form set-up, when there is one and the actor manages
   * the programme by it. Empty: read them, as {@link RegistrationService#access} does.
   */
  Optional<ProgrammeCopies.Copy> organiserCopy(LecternUser actor, UUID programmeId) {
    if (actor == null) {
      return Optional.empty();
    }
    return copies.get(programmeId).filter(c -> programmes.canManage(actor, c.programme()));
  }

  /**
   * Registers an organiser's request checked against this node's copy, in a batch that reads the
   * programme's facts and its form set-up again and registers the entry only if they are what the
   * copy holds. Empty, with nothing written, when the request has to be checked again from fresh
   * reads ({@link RegistrationService#access}, {@link RegistrationService#registerGrouped}): the
   * copy was out of date, the request was refused by it (a refusal is answered from fresh reads
   * only), or it needs more than a seat.
   */
  Optional<Registered> registerWithCopy(ProgrammeCopies.Copy copy, RegistrationRequest request) {
    return registerWithCopy(copy, request, null);
  }

  /**
   * As {@link #registerWithCopy(ProgrammeCopies.Copy, RegistrationRequest)}, for a request whose
   * API token is still unchecked (or null): the batch checks it in its own statement, and throws
   * the 401 with nothing written if it no longer works (ADR 0004, amendment "the token checked in
   * the batch"). Empty also when the token's account changed: read again with the request.
   */
  Optional<Registered> registerWithCopy(
      ProgrammeCopies.Copy copy, RegistrationRequest request, PendingToken token) {
    Programme p = copy.programme();
    EnrolmentService.Entry entry;
    try {
      entry = service.prepare(p, copy.form(), request, true);
    } catch (RuntimeException refused) {
      return Optional.empty();
    }
    if (!GroupEnrolment.eligible(entry)) {
      return Optional.empty();
    }
    var outcome = group.register(p.id(), entry, copy, token);
    if (outcome == null) {
      return Optional.empty();
    }
    Registration r = outcome.registration();
    return Optional.of(new Registered(r, outcome.created(), service.position(r)));
  }
}
