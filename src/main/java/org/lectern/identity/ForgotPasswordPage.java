package org.lectern.identity;

import org.lectern.shared.web.FormErrors;

/** The request form, or (sent) the answer that is the same for every address. */
public record ForgotPasswordPage(String email, FormErrors errors, boolean sent, boolean limited) {}
