package org.lectern.registration;

/** A person to invite: name, e-mail and the language of their invitation (en, ru or kk). */
public record Invitee(String fullName, String email, String language, int line) {}
