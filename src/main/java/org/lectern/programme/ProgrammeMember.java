package org.lectern.programme;

import java.time.Instant;
import java.util.UUID;

/** A person holding a role on a programme, with when it was granted. */
public record ProgrammeMember(
    UUID userId, String email, String fullName, ProgrammeRole role, Instant grantedAt) {}
