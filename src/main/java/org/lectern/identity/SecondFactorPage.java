package org.lectern.identity;

import org.lectern.shared.web.FormErrors;

/**
 * The second step of signing in, or the request to show the second factor again before a sensitive
 * action ({@code stepUp}), coming back to {@code next}: a code ({@code codes}: from the app or a
 * recovery code) and/or a passkey ({@code passkeys}), whichever the person has.
 */
public record SecondFactorPage(
    boolean stepUp, String next, FormErrors errors, boolean codes, boolean passkeys) {}
