package org.lectern.shared.error;

/** The request clashes with the current state (a taken slug, a full room, a stale version). */
public class ConflictException extends DomainException {
  public ConflictException(String code, Object... args) {
    super(code, args);
  }
}
