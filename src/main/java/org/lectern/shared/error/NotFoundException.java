package org.lectern.shared.error;

/** The thing does not exist, or the caller may not know it exists. */
public class NotFoundException extends DomainException {
  public NotFoundException(String code, Object... args) {
    super(code, args);
  }
}
