package org.lectern.notification;

import java.util.UUID;

/** How to reach the person behind a registration, and in which language. */
public record DelegateContact(
    UUID registrationId,
    UUID programmeId,
    String email,
    String fullName,
    String language,
    String status) {}
