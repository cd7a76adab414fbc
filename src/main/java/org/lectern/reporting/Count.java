package org.lectern.reporting;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * A published count: the number, "&lt;5" for a count from 1 to 4 in the funder view, or "hidden"
 * for a cell hidden so that a small one cannot be worked out (ADR 0017). A hidden count does not
 * keep its value, so nothing downstream (template, export, JSON) can leak it by mistake.
 */
public record Count(int value, String marker) {

  public static final String SMALL = "<5";
  public static final String PROTECTED = "hidden";

  public static Count of(int value) {
    return new Count(value, null);
  }

  public static Count small() {
    return new Count(-1, SMALL);
  }

  public static Count hiddenCount() {
    return new Count(-1, PROTECTED);
  }

  /** A count read back from a stored snapshot: a number, "&lt;5" or "hidden". */
  @com.fasterxml.jackson.annotation.JsonCreator
  static Count parse(Object json) {
    if (json instanceof Number n) {
      return of(n.intValue());
    }
    String s = String.valueOf(json);
    return switch (s) {
      case SMALL -> small();
      case PROTECTED -> hiddenCount();
      default -> of(Integer.parseInt(s));
    };
  }

  public boolean hidden() {
    return marker != null;
  }

  @JsonValue
  public Object json() {
    return hidden() ? marker : value;
  }

  @Override
  public String toString() {
    return hidden() ? marker : Integer.toString(value);
  }
}
