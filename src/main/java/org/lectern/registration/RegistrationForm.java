package org.lectern.registration;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Everything a submission is checked against, read in one statement ({@link
 * FormSetupRepository#form}): the form's settings, the current consent version, the custom
 * questions, the published hybrid sessions still to come, and whether any published session is
 * still to come. Read per request, or — for an organiser's request without an Idempotency-Key —
 * taken from the node's copy and read again by the batch, which registers nothing checked against
 * an out-of-date copy ({@link ProgrammeCopies}); so an organiser's change, on any node, is seen by
 * the very next registration (issue 16, BENCHMARKS.md "Third pass", "Ninth pass").
 */
record RegistrationForm(
    FormSettings settings,
    Optional<Consent> consent,
    List<Question> questions,
    Set<UUID> hybridSessions,
    boolean upcoming) {}
