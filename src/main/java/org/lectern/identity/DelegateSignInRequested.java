package org.lectern.identity;

import java.util.UUID;

/**
 * A delegate asked for a sign-in link; the address waits, sealed, in {@code
 * delegate_sign_in_request} under this id. Only the id is published (and stored in the event
 * publication log): whether a link is issued is decided by the listener, after the answer.
 */
public record DelegateSignInRequested(UUID requestId) {}
