package org.lectern.shared.error;

/** The caller is known but may not do this. */
public class ForbiddenException extends DomainException {
  public ForbiddenException(String code, Object... args) {
    super(code, args);
  }
}
