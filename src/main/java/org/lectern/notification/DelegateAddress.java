package org.lectern.notification;

/** A delegate known to the mail module: address, language, and whether a calendar feed exists. */
record DelegateAddress(String emailIndex, String email, String language, boolean hasFeed) {}
