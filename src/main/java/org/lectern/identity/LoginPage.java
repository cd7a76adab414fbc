package org.lectern.identity;

/**
 * The sign-in page: whether the last attempt failed, the person signed out, their session was ended
 * (account disabled or password changed elsewhere) or their password was just reset.
 */
public record LoginPage(boolean failed, boolean signedOut, boolean ended, boolean reset) {}
