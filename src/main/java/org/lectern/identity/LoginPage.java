package org.lectern.identity;

/** The sign-in page: whether the last attempt failed. */
public record LoginPage(boolean failed, boolean signedOut) {}
