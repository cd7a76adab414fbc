package org.lectern.attendance.importing;

import java.util.Optional;
import java.util.UUID;

/**
 * The organiser's answer for one unmatched or ambiguous person: a registration, or "not a delegate"
 * (empty registration).
 */
public record Resolution(int index, Optional<UUID> registrationId) {

  public static final String NOT_A_DELEGATE = "none";

  /** From a form value: a registration id, "none", or blank for "decide later". */
  static Optional<Resolution> parse(int index, String value) {
    if (value == null || value.isBlank()) {
      return Optional.empty();
    }
    if (NOT_A_DELEGATE.equals(value)) {
      return Optional.of(new Resolution(index, Optional.empty()));
    }
    try {
      return Optional.of(new Resolution(index, Optional.of(UUID.fromString(value))));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }
}
