package org.lectern.identity;

import org.lectern.shared.web.FormErrors;

/**
 * The second step of signing in, or the request to show the second factor again before a sensitive
 * action ({@code stepUp}), coming back to {@code next}.
 */
public record SecondFactorPage(boolean stepUp, String next, FormErrors errors) {}
