package org.lectern.identity;

/** Confirms a sign-in link with a POST, so mail scanners that open links do not use it up. */
public record DelegateTokenPage(String token) {}
