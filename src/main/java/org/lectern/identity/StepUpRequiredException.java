package org.lectern.identity;

import org.lectern.shared.error.UnauthenticatedException;

/**
 * A sensitive action needs the second factor again. Web pages are sent to the re-verification page
 * and back; the API answers 401 problem+json with type {@link StepUp#PROBLEM_TYPE}.
 */
public class StepUpRequiredException extends UnauthenticatedException {

  private final transient String returnTo;

  public StepUpRequiredException(String returnTo) {
    super("identity.stepUp.required");
    this.returnTo = returnTo;
  }

  /** The local page to come back to once verified. */
  public String returnTo() {
    return returnTo;
  }
}
