package org.lectern.reporting;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * A published count: the number, "&lt;5" for a count from 1 to 4 in the funder view, or "hidden"
 * for a cell hidden so that a small one cannot be worked out (ADR 0006). A hidden count does not
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

  /** For the funder view: primary-suppressed when 1–4, else exact. */
  static Count of(int value, boolean funder) {
    return funder && Suppression.small(value) ? small() : of(value);
  }

  static Count shown(int value, byte shown) {
    return switch (shown) {
      case Suppression.SMALL -> small();
      case Suppression.PROTECTED -> hiddenCount();
      default -> of(value);
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
