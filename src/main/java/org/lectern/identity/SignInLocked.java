package org.lectern.identity;

import java.util.UUID;

/** An account's sign-in was locked after repeated wrong passwords: its holder is told once. */
public record SignInLocked(UUID userId, long minutes) {}
