package org.lectern.notification;

import org.lectern.shared.web.FormErrors;

/** The "send me a sign-in link" page and what happened last. */
public record SignInPage(
    String email, FormErrors errors, boolean sent, boolean expired, boolean signedOut) {}
