package org.lectern.live;

/** Whether questions may, or must, be asked without a name (ADR 0005). */
public enum Anonymity {
  OFF,
  OPTIONAL,
  ALWAYS;

  /** Whether a question asked with the given wish is stored without any link to the asker. */
  boolean anonymous(boolean wish) {
    return this == ALWAYS || this == OPTIONAL && wish;
  }
}
