package org.lectern.attendance.report;

/**
 * Which header names of an unrecognised CSV hold which field, chosen by the organiser so that any
 * spreadsheet of joins can still be imported. Only {@code name} is required; {@code null} means
 * "not in the file".
 */
public record ColumnMapping(String name, String email, String join, String leave, String duration) {

  public ColumnMapping {
    if (name == null || name.isBlank()) {
      throw new IllegalArgumentException("a name column is required");
    }
  }
}
