package org.lectern.identity;

/** A delegate's account: address, language, and whether a calendar feed exists. */
public record DelegateAddress(String emailIndex, String email, String language, boolean hasFeed) {}
