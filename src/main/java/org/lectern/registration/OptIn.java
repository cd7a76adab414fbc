package org.lectern.registration;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.lectern.programme.Programme;
import org.lectern.programme.ProgrammeHeading;
import org.lectern.programme.ProgrammeService;
import org.lectern.registration.RequestRepository.Stored;
import org.lectern.shared.crypto.Sha256;
import org.lectern.shared.database.Transactions;
import org.lectern.shared.error.ConflictException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Double opt-in (ADR 0013). The public path stores every submission the same way and answers the
 * same ("check your inbox"); after the commit, the mail step ({@link OptInSettler}) decides what to
 * tell the address — confirm, already registered, full, closed — and only the mail says it. A
 * request holds no seat: following the link enrols under the programme lock, in the order the links
 * are followed.
 */
@Component
record OptIn(
    RegistrationService service,
    ProgrammeService programmes,
    FormSetupRepository forms,
    RegistrationRepository registrations,
    RequestRepository requests,
    OptInSettler settler,
    Transactions transactions,
    Clock clock,
    @Value("${lectern.registration.opt-in.link-validity:48h}") Duration validity) {

  /**
   * The public path, for a programme the caller already read and found visible to the actor (issue
   * 16: it was read twice per submission). The same work whatever the address: check the submission
   * (which depends only on what was typed), encrypt and store it, publish an id. Nothing is looked
   * up by e-mail here.
   */
  void request(Programme p, RegistrationRequest request) {
    transactions.run(
        () -> {
          EnrolmentService.Entry entry =
              service.prepare(p, forms.form(p.id(), clock.instant()), request, false);
          UUID id = UUID.randomUUID();
          Instant now = clock.instant();
          requests.insert(id, p.id(), entry, now, now.plus(validity));
          // The stored request is the note that its mail is due (no event publication, issue 16).
          settler.afterCommit();
        });
  }

  /** What following a link led to. */
  sealed interface Confirmation {}

  record Done(Registration registration) implements Confirmation {}

  record Refused(String code, int status) implements Confirmation {}

  /** A link's page: the programme's heading, and why the link cannot be followed, if it cannot. */
  record LinkPage(ProgrammeHeading programme, java.util.Optional<Refused> refused) {}

  /**
   * What the GET of a link shows; changes nothing. One statement, no transaction around it: the
   * published programme {@code slug} names and the request the token opens. Empty if no published
   * programme has the slug.
   */
  java.util.Optional<LinkPage> open(String slug, String token) {
    return requests
        .linkPage(slug, usable(token) ? hash(token) : "")
        .map(
            page -> {
              Object found =
                  usable(token)
                      ? judge(page.programme().id(), page.request(), clock.instant())
                      : new Refused("registration.optIn.invalid", 404);
              return new LinkPage(
                  page.programme(),
                  found instanceof Refused r
                      ? java.util.Optional.of(r)
                      : java.util.Optional.empty());
            });
  }

  /**
   * Follows a link: enrols under the programme lock (ADR 0004) — seat, waitlist place or approval
   * queue decided now, in the order links are followed. A second click finds the registration the
   * first one made.
   */
  Confirmation confirm(UUID programmeId, String token) {
    return transactions.result(() -> confirm(programmes.find(programmeId).orElseThrow(), token));
  }

  /**
   * The same, for the programme the page already read. The request is locked and the form's being
   * open read in one statement; what is refused, and in which order, is unchanged: an unknown or
   * foreign link, then an expired one, then a link already followed (its registration), then a
   * closed form.
   */
  Confirmation confirm(Programme p, String token) {
    return confirm(p.id(), p.isPublished(), token);
  }

  /** The same, for the published programme whose heading the link's page read. */
  Confirmation confirm(ProgrammeHeading p, String token) {
    return confirm(p.id(), true, token);
  }

  private Confirmation confirm(UUID programmeId, boolean published, String token) {
    return transactions.result(
        () -> {
          Instant now = clock.instant();
          var locked =
              usable(token)
                  ? requests.lockForConfirmation(hash(token), now)
                  : java.util.Optional.<RequestRepository.Locked>empty();
          Object found =
              judge(programmeId, locked.map(RequestRepository.Locked::request), clock.instant());
          if (!(found instanceof Stored req)) {
            return (Refused) found;
          }
          if (req.registrationId() != null) {
            return registrations
                .find(req.registrationId())
                .<Confirmation>map(Done::new)
                .orElse(new Refused("registration.optIn.invalid", 404));
          }
          if (!(published && locked.get().formOpen())) {
            throw new ConflictException("registration.closed");
          }
          Registration r = service.enrol(programmeId, req.entry()).registration();
          requests.confirmed(req.id(), r.id(), clock.instant());
          return new Done(r);
        });
  }

  private static boolean usable(String token) {
    return token != null && !token.isBlank() && token.length() <= 100;
  }

  private static String hash(String token) {
    return Sha256.hex(Sha256.bytes(token.strip()));
  }

  /** A request of another programme is as unknown as none; an unconfirmed one may have expired. */
  private static Object judge(UUID programmeId, java.util.Optional<Stored> found, Instant now) {
    var req = found.filter(r -> r.programmeId().equals(programmeId));
    if (req.isEmpty()) {
      return new Refused("registration.optIn.invalid", 404);
    }
    if (req.get().registrationId() == null && req.get().expired(now)) {
      return new Refused("registration.optIn.expired", 410);
    }
    return req.get();
  }
}
