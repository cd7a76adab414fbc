package org.lectern.registration;

import java.util.UUID;

/**
 * How to reach a delegate, decrypted, for the notification module. {@code accessToken} is a secret,
 * stable token for links that let the delegate see their registration without signing in.
 */
public record DelegateContact(
    UUID registrationId,
    UUID programmeId,
    String email,
    String fullName,
    String language,
    RegistrationStatus status,
    String accessToken) {}
