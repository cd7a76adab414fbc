package org.lectern.retention;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.lectern.audit.AuditLog;
import org.lectern.identity.LecternUser;
import org.lectern.identity.SecondFactors;
import org.lectern.organisation.Organisation;
import org.lectern.organisation.OrganisationService;
import org.lectern.programme.Programme;
import org.lectern.programme.ProgrammeService;
import org.lectern.shared.crypto.PersonalDataCipher;
import org.lectern.shared.error.ConflictException;
import org.lectern.shared.error.InvalidInputException;
import org.lectern.shared.error.NotFoundException;
import org.lectern.shared.i18n.LocalizedText;
import org.lectern.shared.privacy.RemovalReason;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The emergency purge (ADR 0022): an organisation administrator destroys all personal data of a
 * programme, or of every programme of the organisation, at once. The programmes' data keys are
 * destroyed first (so every copy of their ciphertexts, backups and dumps included, becomes
 * unreadable at that moment, however large the programme), then every feature's {@code
 * PersonalDataRemoval} removes the rows' personal data as retention does, keeping the anonymous
 * figures reports count.
 *
 * <p>Confirmation: a second administrator of the organisation confirms the request; an organisation
 * with a single administrator purges at once, but only with a second factor (shown within ten
 * minutes, checked by the controller) and the programme's or organisation's name typed out.
 */
@Service
public record Purge(
    PurgeRepository repository,
    OrganisationService organisations,
    ProgrammeService programmes,
    SecondFactors factors,
    PersonalDataCipher cipher,
    Retention retention,
    AuditLog audit,
    TransactionTemplate transactions,
    Clock clock) {

  static final Duration PENDING_FOR = Duration.ofHours(24);

  /** What a request led to. */
  public enum Outcome {
    DONE,
    PENDING
  }

  /**
   * Asks for a purge of {@code scope} (a programme id of the organisation, or {@code
   * "organisation"}), confirmed by typing its name. A sole administrator's request is carried out
   * at once; otherwise it waits (24 h) for another administrator.
   */
  public Outcome request(LecternUser actor, UUID organisationId, String scope, String typedName) {
    Organisation org = organisations.administrable(actor, organisationId);
    UUID programmeId = programmeOf(org, scope);
    LocalizedText name =
        programmeId == null ? org.name() : programmes.find(programmeId).orElseThrow().title();
    if (!matches(name, typedName)) {
      throw InvalidInputException.of("name", "purge.nameMismatch");
    }
    Instant now = clock.instant();
    UUID id = UUID.randomUUID();
    if (repository.administrators(organisationId) <= 1) {
      if (!factors.enrolled(actor.id())) {
        throw InvalidInputException.of("name", "purge.factorNeeded");
      }
      PurgeRepository.Request r =
          new PurgeRepository.Request(
              id, organisationId, programmeId, actor.id(), now, now, "DONE", actor.id(), now, null);
      repository.insert(r);
      carryOut(actor, r);
      return Outcome.DONE;
    }
    repository.insert(
        new PurgeRepository.Request(
            id,
            organisationId,
            programmeId,
            actor.id(),
            now,
            now.plus(PENDING_FOR),
            "PENDING",
            null,
            null,
            null));
    audit.record(
        new AuditLog.Record(
            actor.id(),
            actor.fullName(),
            "purge.requested",
            organisationId,
            programmeId == null ? "organisation" : "programme",
            programmeId == null ? organisationId.toString() : programmeId.toString(),
            null,
            null,
            programmeId));
    return Outcome.PENDING;
  }

  /** Another administrator confirms a pending request: the purge happens now. */
  public void confirm(LecternUser actor, UUID organisationId, UUID requestId) {
    organisations.administrable(actor, organisationId);
    PurgeRepository.Request r = pending(organisationId, requestId);
    if (r.requestedBy().equals(actor.id())) {
      throw new ConflictException("purge.sameAdministrator");
    }
    if (!repository.decide(requestId, "DONE", actor.id(), clock.instant())) {
      throw new ConflictException("purge.notPending");
    }
    carryOut(actor, r);
  }

  /** Either administrator withdraws a pending request. */
  public void cancel(LecternUser actor, UUID organisationId, UUID requestId) {
    organisations.administrable(actor, organisationId);
    pending(organisationId, requestId);
    if (!repository.decide(requestId, "CANCELLED", actor.id(), clock.instant())) {
      throw new ConflictException("purge.notPending");
    }
    audit.record(
        new AuditLog.Record(
            actor.id(),
            actor.fullName(),
            "purge.cancelled",
            organisationId,
            "purge",
            requestId.toString(),
            null,
            null));
  }

  /** The organisation's recent requests, for its administrators. */
  List<PurgeRepository.Request> recent(LecternUser actor, UUID organisationId) {
    organisations.administrable(actor, organisationId);
    return repository.recent(organisationId);
  }

  int administrators(UUID organisationId) {
    return repository.administrators(organisationId);
  }

  List<UUID> programmesOf(UUID organisationId) {
    return repository.programmesOf(organisationId);
  }

  private PurgeRepository.Request pending(UUID organisationId, UUID requestId) {
    PurgeRepository.Request r =
        repository
            .find(organisationId, requestId)
            .orElseThrow(() -> new NotFoundException("purge.notFound"));
    if (!r.pending(clock.instant())) {
      throw new ConflictException("purge.notPending");
    }
    return r;
  }

  private void carryOut(LecternUser actor, PurgeRepository.Request r) {
    List<UUID> ids =
        r.programmeId() == null
            ? repository.programmesOf(r.organisationId())
            : List.of(r.programmeId());
    // First the keys: from this moment every copy of the data is unreadable.
    int keys = 0;
    for (UUID p : ids) {
      keys += cipher.destroyProgrammeKeys(p).size();
    }
    for (UUID p : ids) {
      transactions.executeWithoutResult(s -> retention.anonymise(p, RemovalReason.PURGE));
      audit.record(
          new AuditLog.Record(
              actor.id(),
              actor.fullName(),
              "programme.purged",
              r.organisationId(),
              "programme",
              p.toString(),
              null,
              r.id().toString(),
              p));
    }
    repository.done(r.id(), ids.size());
    audit.record(
        new AuditLog.Record(
            actor.id(),
            actor.fullName(),
            "purge.done",
            r.organisationId(),
            r.programmeId() == null ? "organisation" : "programme",
            r.programmeId() == null ? r.organisationId().toString() : r.programmeId().toString(),
            ids.size(),
            keys + " key(s) destroyed",
            r.programmeId()));
  }

  private UUID programmeOf(Organisation org, String scope) {
    String s = scope == null ? "" : scope.strip();
    if ("organisation".equals(s)) {
      return null;
    }
    try {
      UUID id = UUID.fromString(s);
      Programme p =
          programmes
              .find(id)
              .filter(x -> x.organisationId().equals(org.id()))
              .orElseThrow(() -> InvalidInputException.of("scope", "purge.scopeUnknown"));
      return p.id();
    } catch (IllegalArgumentException e) {
      throw InvalidInputException.of("scope", "purge.scopeUnknown");
    }
  }

  static boolean matches(LocalizedText name, String typed) {
    if (typed == null || typed.isBlank() || typed.length() > 500) {
      return false;
    }
    String t = normal(typed);
    return name.values().values().stream().anyMatch(v -> v != null && normal(v).equals(t));
  }

  private static String normal(String s) {
    return s.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
  }
}
