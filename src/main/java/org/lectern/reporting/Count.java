package org.lectern.reporting;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * A published count: the number, or hidden ("&lt;5") for a funder. A hidden count does not keep its
 * value, so nothing downstream (template, export, JSON) can leak it by mistake.
 */
public record Count(int value, boolean hidden) {

  public static final String HIDDEN = "<5";

  public static Count of(int value) {
    return new Count(value, false);
  }

  public static Count concealed() {
    return new Count(-1, true);
  }

  /** Exact for organisers; for funders hidden when {@code hide}. */
  static Count of(int value, boolean hide) {
    return hide ? concealed() : of(value);
  }

  @JsonValue
  public Object json() {
    return hidden ? HIDDEN : value;
  }

  @Override
  public String toString() {
    return hidden ? HIDDEN : Integer.toString(value);
  }
}
