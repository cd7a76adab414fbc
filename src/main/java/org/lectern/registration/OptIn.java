package org.lectern.registration;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;
import org.lectern.identity.LecternUser;
import org.lectern.programme.Programme;
import org.lectern.programme.ProgrammeService;
import org.lectern.registration.OptInMailer.Kind;
import org.lectern.registration.OptInMailer.Outlook;
import org.lectern.registration.RequestRepository.Stored;
import org.lectern.shared.crypto.Sha256;
import org.lectern.shared.error.ConflictException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Double opt-in (ADR 0013). The public path stores every submission the same way and answers the
 * same ("check your inbox"); after the commit, the mail step decides what to tell the address —
 * confirm, already registered, full, closed — and only the mail says it. A request holds no seat:
 * following the link enrols under the programme lock, in the order the links are followed.
 */
@Component
class OptIn {

  private static final SecureRandom RANDOM = new SecureRandom();

  private final RegistrationService service;
  private final ProgrammeService programmes;
  private final FormSetupRepository forms;
  private final RegistrationRepository registrations;
  private final RequestRepository requests;
  private final OptInMailer mailer;
  private final ApplicationEventPublisher events;
  private final TransactionTemplate separately;
  private final Clock clock;
  private final Duration validity;
  private final String baseUrl;

  OptIn(
      RegistrationService service,
      ProgrammeService programmes,
      FormSetupRepository forms,
      RegistrationRepository registrations,
      RequestRepository requests,
      OptInMailer mailer,
      ApplicationEventPublisher events,
      PlatformTransactionManager transactions,
      Clock clock,
      @Value("${lectern.registration.opt-in.link-validity:48h}") Duration validity,
      @Value("${lectern.base-url}") String baseUrl) {
    this.service = service;
    this.programmes = programmes;
    this.forms = forms;
    this.registrations = registrations;
    this.requests = requests;
    this.mailer = mailer;
    this.events = events;
    this.separately = new TransactionTemplate(transactions);
    this.separately.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    this.clock = clock;
    this.validity = validity;
    this.baseUrl = baseUrl;
  }

  /**
   * The public path. The same work whatever the address: check the submission (which depends only
   * on what was typed), encrypt and store it, publish an id. Nothing is looked up by e-mail here.
   */
  @Transactional
  void request(UUID programmeId, RegistrationRequest request, LecternUser actor) {
    Programme p = service.visibleProgramme(programmeId, actor);
    EnrolmentService.Entry entry =
        service.prepare(p, forms.form(programmeId, clock.instant()), request, false);
    UUID id = UUID.randomUUID();
    Instant now = clock.instant();
    requests.insert(id, programmeId, entry, now, now.plus(validity));
    events.publishEvent(new RegistrationRequested(id, programmeId));
  }

  /** The mail step, after the request committed; a redelivered event finds nothing to do. */
  @ApplicationModuleListener
  void on(RegistrationRequested e) {
    settle(e.requestId());
  }

  @Transactional
  void settle(UUID requestId) {
    Stored req = requests.lockUnprocessed(requestId).orElse(null);
    if (req == null) {
      return;
    }
    Programme p = programmes.find(req.programmeId()).orElse(null);
    if (p == null) {
      requests.delete(requestId);
      return;
    }
    EnrolmentService.Entry entry = req.entry();
    var existing = registrations.findByEmail(p.id(), entry.details().email());
    Kind kind = null;
    Outlook outlook = null;
    if (existing.isPresent() && existing.get().status() != RegistrationStatus.CANCELLED) {
      kind = Kind.ALREADY_REGISTERED;
    } else if (!service.isOpen(p, forms.form(p.id(), clock.instant()))) {
      kind = Kind.CLOSED;
    } else if (!forms.doubleOptIn(p.id())) {
      // Switched off by the organiser: enrol now; the usual mails tell the outcome.
      kind = enrolNow(p.id(), entry);
    } else {
      outlook = outlook(p);
      kind = outlook == null ? Kind.FULL : Kind.CONFIRM;
    }
    String link = null;
    if (kind == Kind.CONFIRM) {
      String token = newToken();
      requests.issueLink(requestId, Sha256.hex(Sha256.bytes(token)));
      link = baseUrl + "/programmes/" + p.slug() + "/register/confirm?token=" + token;
    } else {
      requests.delete(requestId);
    }
    if (kind != null) {
      var d = entry.details();
      mailer.send(kind, requestId, p.id(), d.email(), d.fullName(), d.language(), link, outlook);
    }
  }

  // Its own transaction, so that "full" rolls back only the attempt, not the mail about it.
  private Kind enrolNow(UUID programmeId, EnrolmentService.Entry entry) {
    try {
      separately.executeWithoutResult(s -> service.enrol(programmeId, entry));
      return null;
    } catch (ConflictException e) {
      return Kind.FULL;
    }
  }

  // As things stand (no lock: the seat is decided at confirmation); null: full, no waitlist.
  private Outlook outlook(Programme p) {
    if (p.approvalRequired()) {
      return Outlook.APPROVAL;
    }
    if (p.capacity() == null || registrations.seats(p.id()).confirmed() < p.capacity()) {
      return Outlook.SEAT;
    }
    return p.waitlist() ? Outlook.WAITLIST : null;
  }

  /** What following a link led to. */
  sealed interface Confirmation {}

  record Done(Registration registration) implements Confirmation {}

  record Refused(String code, int status) implements Confirmation {}

  /**
   * Why a link cannot be followed, if it cannot; changes nothing (the GET of the link). One
   * statement, no transaction around it.
   */
  java.util.Optional<Refused> check(UUID programmeId, String token) {
    return find(programmeId, token, false) instanceof Refused r
        ? java.util.Optional.of(r)
        : java.util.Optional.empty();
  }

  /**
   * Follows a link: enrols under the programme lock (ADR 0004) — seat, waitlist place or approval
   * queue decided now, in the order links are followed. A second click finds the registration the
   * first one made.
   */
  @Transactional
  Confirmation confirm(UUID programmeId, String token) {
    return confirm(programmes.find(programmeId).orElseThrow(), token);
  }

  /** The same, for the programme the page already read. */
  @Transactional
  Confirmation confirm(Programme p, String token) {
    UUID programmeId = p.id();
    Object found = find(programmeId, token, true);
    if (!(found instanceof Stored req)) {
      return (Refused) found;
    }
    if (req.registrationId() != null) {
      return registrations
          .find(req.registrationId())
          .<Confirmation>map(Done::new)
          .orElse(new Refused("registration.optIn.invalid", 404));
    }
    if (!service.isOpen(p, forms.form(programmeId, clock.instant()))) {
      throw new ConflictException("registration.closed");
    }
    Registration r = service.enrol(programmeId, req.entry()).registration();
    requests.confirmed(req.id(), r.id(), clock.instant());
    return new Done(r);
  }

  private Object find(UUID programmeId, String token, boolean lock) {
    if (token == null || token.isBlank() || token.length() > 100) {
      return new Refused("registration.optIn.invalid", 404);
    }
    String hash = Sha256.hex(Sha256.bytes(token.strip()));
    var req =
        (lock ? requests.lockByToken(hash) : requests.findByToken(hash))
            .filter(r -> r.programmeId().equals(programmeId));
    if (req.isEmpty()) {
      return new Refused("registration.optIn.invalid", 404);
    }
    if (req.get().registrationId() == null && req.get().expired(clock.instant())) {
      return new Refused("registration.optIn.expired", 410);
    }
    return req.get();
  }

  private static String newToken() {
    byte[] raw = new byte[32];
    RANDOM.nextBytes(raw);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
  }
}
