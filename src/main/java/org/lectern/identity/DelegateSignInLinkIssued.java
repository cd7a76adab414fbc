package org.lectern.identity;

import java.time.Duration;

/**
 * A delegate asked for a sign-in link and one was issued: the mail module sends it. Published
 * synchronously, inside the request, to plain {@code @EventListener}s only: the link is a
 * credential, so the event must never be stored in the event publication log (which only records
 * events for transactional listeners).
 *
 * @param email the address the link goes to
 * @param language the language the delegate reads
 * @param link the sign-in address, with the token
 * @param validity how long the link works
 */
public record DelegateSignInLinkIssued(
    String email, String language, String link, Duration validity) {

  @Override
  public String toString() {
    return "DelegateSignInLinkIssued[" + language + "]";
  }
}
