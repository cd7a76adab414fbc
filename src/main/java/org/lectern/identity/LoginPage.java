package org.lectern.identity;

import org.lectern.shared.web.FormErrors;

/**
 * The sign-in page: whether the last attempt failed, the person signed out, their session was ended
 * (account disabled or password changed elsewhere) or their password was just reset; and why
 * signing in with a passkey did not work ({@code passkey} field).
 */
public record LoginPage(
    boolean failed, boolean signedOut, boolean ended, boolean reset, FormErrors passkeyErrors) {}
