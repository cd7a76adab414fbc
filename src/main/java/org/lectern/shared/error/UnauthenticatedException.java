package org.lectern.shared.error;

/** The caller could not be identified (wrong credentials, no or invalid token). */
public class UnauthenticatedException extends DomainException {
  public UnauthenticatedException(String code, Object... args) {
    super(code, args);
  }
}
