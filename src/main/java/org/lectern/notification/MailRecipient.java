package org.lectern.notification;

import java.util.UUID;

/**
 * Whom a registration's mail goes to, and in which language: the registration module's {@link
 * org.lectern.registration.DelegateContact} as the mail module needs it (no access token).
 */
public record MailRecipient(
    UUID registrationId,
    UUID programmeId,
    String email,
    String fullName,
    String language,
    String status) {}
