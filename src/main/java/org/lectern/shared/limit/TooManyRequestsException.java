package org.lectern.shared.limit;

import java.time.Duration;
import org.lectern.shared.error.DomainException;

/** A limit was reached: answered 429 with Retry-After, as a page or problem+json. */
public class TooManyRequestsException extends DomainException {

  private final transient Duration retryAfter;

  public TooManyRequestsException(String messageKey, Duration retryAfter) {
    super(messageKey);
    this.retryAfter = retryAfter;
  }

  /** Whole seconds until the window ends, at least 1. */
  public long retryAfterSeconds() {
    return Math.max(1, retryAfter.toSeconds() + (retryAfter.toNanosPart() > 0 ? 1 : 0));
  }
}
