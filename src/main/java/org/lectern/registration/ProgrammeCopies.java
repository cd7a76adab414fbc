package org.lectern.registration;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.lectern.programme.Programme;
import org.springframework.stereotype.Component;

/**
 * This node's copy of what an organiser's registration is checked against: the programme and its
 * form set-up (ADR 0004, amendment "checked against a copy"). It saves the two reads before the
 * batch (issue 16) and is never trusted: the batch reads, under the programme's SHARE lock and in
 * its own transaction, the programme's facts and the form set-up again, and a request checked
 * against a copy that differs from them in anything is not registered but checked again from fresh
 * reads, exactly as without the copy. So a change made on any node — the form, the consent, a
 * question, a session, the programme — is seen by the next request on every node, and no entry
 * expires or needs invalidating.
 */
@Component
final class ProgrammeCopies {

  /** More programmes than this on one node: the copies are dropped and read again as needed. */
  static final int MAX = 512;

  /**
   * What of the programme row a check uses (languages: the main language's rules; organisation: who
   * manages it) and its version, which every change of the programme raises.
   */
  record Facts(int version, UUID organisationId, List<String> languages) {

    static Facts of(Programme p) {
      return new Facts(p.version(), p.organisationId(), List.copyOf(p.languages()));
    }
  }

  /** A programme and its form set-up as one request read them. */
  record Copy(Programme programme, RegistrationForm form) {

    /** Whether the batch's reads find what this copy holds. */
    boolean current(Facts facts, RegistrationForm now) {
      return Facts.of(programme).equals(facts) && form.equals(now);
    }
  }

  private final ConcurrentHashMap<UUID, Copy> copies = new ConcurrentHashMap<>();

  Optional<Copy> get(UUID programmeId) {
    return Optional.ofNullable(copies.get(programmeId));
  }

  void put(Copy copy) {
    if (copies.size() >= MAX) {
      copies.clear();
    }
    copies.put(copy.programme().id(), copy);
  }

  /** Drops the programme's copy (the batch found it out of date). */
  void forget(UUID programmeId, Copy copy) {
    copies.remove(programmeId, copy);
  }
}
