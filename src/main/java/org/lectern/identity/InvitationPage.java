package org.lectern.identity;

import org.lectern.shared.web.FormErrors;

/** What the invitation page shows: the token (in the form's action) and any errors. */
public record InvitationPage(String token, FormErrors errors) {}
