package org.lectern.shared.error;

import java.util.List;

/** The caller could not be identified (wrong credentials, no or invalid token). */
public class UnauthenticatedException extends DomainException {
  public UnauthenticatedException(String code, Object... args) {
    super(code, args);
  }

  /** Names the missing or wrong credential (the second-factor code of a token request). */
  public UnauthenticatedException(String code, List<FieldProblem> fields) {
    super(code, fields);
  }
}
