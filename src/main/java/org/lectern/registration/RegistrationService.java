package org.lectern.registration;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.lectern.identity.LecternUser;
import org.lectern.programme.Programme;
import org.lectern.programme.ProgrammeService;
import org.lectern.reference.Regions;
import org.lectern.session.DeliveryMode;
import org.lectern.session.Session;
import org.lectern.session.SessionService;
import org.lectern.shared.crypto.PersonalDataCipher;
import org.lectern.shared.database.Transactions;
import org.lectern.shared.error.ConflictException;
import org.lectern.shared.error.InvalidInputException;
import org.lectern.shared.error.NotFoundException;
import org.springframework.stereotype.Service;

/**
 * Registering for a programme, and what delegates and other modules may ask about registrations.
 * Organiser actions are in {@link RegistrationAdminService}.
 */
@Service
public record RegistrationService(
    ProgrammeService programmes,
    SessionService sessions,
    FormSetupRepository forms,
    RegistrationRepository registrations,
    EnrolmentService enrolment,
    GroupEnrolment group,
    ProgrammeCopies copies,
    Invitations invitations,
    Regions regions,
    RoomSeats rooms,
    PersonalDataCipher cipher,
    Clock clock,
    Transactions transactions) {

  /** The outcome of a registration: {@code created} false means the e-mail was already there. */
  public record Registered(Registration registration, boolean created, Integer waitlistPosition) {}

  /**
   * Registers someone. Anyone may register for an open, published programme; organisers also for
   * drafts and closed ones. The same e-mail twice gives the existing registration.
   */
  public Registered register(UUID programmeId, RegistrationRequest request, LecternUser actor) {
    return transactions.result(
        () -> {
          Programme p = visibleProgramme(programmeId, actor);
          return register(new Access(p, programmes.canManage(actor, p)), request);
        });
  }

  /**
   * The programme as one request sees it, read once: the API reads it to choose between the
   * organiser's answer and the public one, and registers with the same copy (issue 16: it was read
   * three times per registration). Capacity and seats are read again under the programme's lock.
   */
  public record Access(Programme programme, boolean organiser) {}

  /** The programme and whether the actor manages it; empty when the actor may not see it. */
  public Optional<Access> access(LecternUser actor, UUID programmeId) {
    return programmes
        .find(programmeId)
        .map(p -> new Access(p, actor != null && programmes.canManage(actor, p)))
        .filter(a -> a.organiser() || a.programme().isPublished());
  }

  /** Registers with a programme already read by {@link #access}. */
  public Registered register(Access access, RegistrationRequest request) {
    return transactions.result(
        () -> {
          Programme p = access.programme();
          var form = forms.form(p.id(), clock.instant());
          if (!access.organiser() && !isOpen(p, form)) {
            throw new ConflictException("registration.closed");
          }
          return enrol(p.id(), prepare(p, form, request, access.organiser()));
        });
  }

  /**
   * Registers with a programme already read by {@link #access}, outside any transaction: a new
   * registration that needs nothing but a seat is registered together with the others of the same
   * programme arriving at the same moment, in one transaction, and this returns after its commit
   * (ADR 0004, amendment "group commit"). Everything else is registered as by {@link
   * #register(Access, RegistrationRequest)}.
   */
  public Registered registerGrouped(Access access, RegistrationRequest request) {
    Programme p = access.programme();
    var form = forms.form(p.id(), clock.instant());
    if (!access.organiser() && !isOpen(p, form)) {
      throw new ConflictException("registration.closed");
    }
    if (access.organiser()) {
      copies.put(new ProgrammeCopies.Copy(p, form));
    }
    var entry = prepare(p, form, request, access.organiser());
    if (!GroupEnrolment.eligible(entry)) {
      return transactions.result(() -> enrol(p.id(), entry));
    }
    var outcome = group.register(p.id(), entry);
    Registration r = outcome.registration();
    return new Registered(r, outcome.created(), position(r));
  }

  /** The programme if the actor may see it (published, or they manage it); else not found. */
  Programme visibleProgramme(UUID programmeId, LecternUser actor) {
    return programmes
        .find(programmeId)
        .filter(x -> canSee(actor, x))
        .orElseThrow(() -> new NotFoundException("programme.notFound"));
  }

  /** Whether the actor manages the programme (organisers answer with the registration itself). */
  public boolean manages(LecternUser actor, UUID programmeId) {
    return actor != null
        && programmes.find(programmeId).map(p -> programmes.canManage(actor, p)).orElse(false);
  }

  /**
   * Checks a submission against the programme's form and returns what it would register. Depends
   * only on what was submitted, never on whether the address is known.
   */
  EnrolmentService.Entry prepare(
      Programme p, RegistrationForm form, RegistrationRequest request, boolean organiser) {
    UUID programmeId = p.id();
    FormSettings settings = form.settings();
    var problems = new InvalidInputException.Collector();
    // A personal link counts on every programme (the organiser sees who registered through it);
    // on invitation-only programmes it is required.
    UUID invitation = invitations.valid(programmeId, request.invitation()).orElse(null);
    if (settings.invitationOnly() && !organiser) {
      problems.check(invitation != null, "invitation", "registration.invitationRequired");
    }
    var consent = form.consent();
    problems.check(
        consent.isEmpty() || request.consent() || organiser,
        "consent",
        "registration.consentRequired");
    var checked =
        RequestCheck.check(
            request,
            settings,
            form.questions(),
            form.hybridSessions(),
            regions,
            p.mainLanguage(),
            problems);
    problems.throwIfAny();
    return new EnrolmentService.Entry(
        checked.details(),
        checked.answers(),
        checked.attendance(),
        request.consent() ? consent.map(Consent::id).orElse(null) : null,
        request.consent() && consent.isPresent() ? checked.details().language() : null,
        invitation);
  }

  /** Registers a checked entry under the programme lock (ADR 0004). */
  Registered enrol(UUID programmeId, EnrolmentService.Entry entry) {
    var outcome = enrolment.register(programmeId, entry);
    if (entry.invitationId() != null && outcome.created()) {
      invitations.markRegistered(entry.invitationId());
    }
    Registration r = outcome.registration();
    return new Registered(r, outcome.created(), position(r));
  }

  private boolean canSee(LecternUser actor, Programme p) {
    return p.isPublished() || programmes.canManage(actor, p);
  }

  /** Open: published, not closed by the organiser, with a session still to come. */
  public boolean isOpen(UUID programmeId) {
    return programmes
        .find(programmeId)
        .map(p -> isOpen(p, forms.form(p.id(), clock.instant())))
        .orElse(false);
  }

  boolean isOpen(Programme p, RegistrationForm form) {
    return p.isPublished() && form.settings().open() && form.upcoming();
  }

  boolean isOpen(Programme p, FormSettings settings) {
    var now = clock.instant();
    return p.isPublished()
        && settings.open()
        && sessions.publishedOfProgramme(p.id()).stream().anyMatch(s -> s.startsAt().isAfter(now));
  }

  /** Published hybrid sessions still to come: where delegates choose room or online. */
  List<Session> hybridSessionsOf(Programme p) {
    var now = clock.instant();
    return sessions.publishedOfProgramme(p.id()).stream()
        .filter(s -> s.mode() == DeliveryMode.HYBRID && s.startsAt().isAfter(now))
        .toList();
  }

  public Integer position(Registration r) {
    return r.status() == RegistrationStatus.WAITLISTED
        ? registrations.waitlistPosition(r.programmeId(), r.waitlistSeq())
        : null;
  }

  public Optional<Registration> find(UUID registrationId) {
    return registrations.find(registrationId);
  }

  public Optional<Registration> findByEmail(UUID programmeId, String email) {
    return registrations.findByEmail(programmeId, email);
  }

  /** The delegate's contact, decrypted, for notifications. */
  public Optional<DelegateContact> contactOf(UUID registrationId) {
    return registrations.find(registrationId).map(this::contact);
  }

  /**
   * The contacts of the registrations among {@code ids} that exist, decrypted, read in one
   * statement (issue 16: the mail step composes a batch of registrations' mails at once).
   */
  public Map<UUID, DelegateContact> contactsOf(java.util.Collection<UUID> ids) {
    Map<UUID, DelegateContact> contacts = new java.util.HashMap<>();
    for (Registration r : registrations.findAll(ids)) {
      contacts.put(r.id(), contact(r));
    }
    return contacts;
  }

  private DelegateContact contact(Registration r) {
    return new DelegateContact(
        r.id(),
        r.programmeId(),
        r.details().email(),
        r.details().fullName(),
        r.details().language(),
        r.status(),
        accessToken(r.id()));
  }

  /** The organiser's message to a declined delegate, decrypted; for the decline e-mail. */
  public Optional<String> decisionMessageOf(UUID registrationId) {
    return registrations.find(registrationId).map(Registration::decisionMessage);
  }

  /** Contacts of everyone confirmed on a programme, decrypted (reminders, announcements). */
  public List<DelegateContact> confirmedContactsOf(UUID programmeId) {
    return registrations
        .ofProgramme(programmeId, RegistrationStatus.CONFIRMED, Integer.MAX_VALUE, 0)
        .stream()
        .map(r -> contactOf(r.id()).orElseThrow())
        .toList();
  }

  /** Every registration of a programme, any status, decrypted (attendance matching, completion). */
  public List<Registration> ofProgramme(UUID programmeId) {
    return registrations.ofProgramme(programmeId, null, Integer.MAX_VALUE, 0);
  }

  /**
   * Where delegates chose to attend a hybrid session, by registration (any status); sessions that
   * are not hybrid have none.
   */
  public Map<UUID, RoomChoice> roomChoices(UUID sessionId) {
    return rooms.ofSession(sessionId);
  }

  /** A secret, stable token for the delegate's links: a keyed digest, never stored. */
  public String accessToken(UUID registrationId) {
    return cipher.blindIndex(registrationId.toString(), "registration.access");
  }

  public boolean validAccessToken(UUID registrationId, String token) {
    return token != null
        && java.security.MessageDigest.isEqual(
            accessToken(registrationId).getBytes(java.nio.charset.StandardCharsets.UTF_8),
            token.getBytes(java.nio.charset.StandardCharsets.UTF_8));
  }
}
