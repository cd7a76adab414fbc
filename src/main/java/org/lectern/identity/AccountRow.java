package org.lectern.identity;

import java.util.UUID;

/** A row of the accounts page. */
public record AccountRow(
    UUID id, String email, String fullName, boolean platformAdmin, boolean disabled) {}
