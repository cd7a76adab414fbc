package org.lectern.identity;

import org.lectern.shared.web.FormErrors;

/** The form behind the link; {@code invalid} when the link is used, expired or unknown. */
public record ResetPasswordPage(String token, FormErrors errors, boolean invalid) {}
