package org.lectern.identity;

import org.lectern.shared.web.FormErrors;

/** The delegates' "send me a sign-in link" page and what happened last. */
public record DelegateSignInPage(
    String email,
    FormErrors errors,
    boolean sent,
    boolean expired,
    boolean signedOut,
    boolean limited) {}
