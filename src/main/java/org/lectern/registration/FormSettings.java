package org.lectern.registration;

import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;

/** Which standard fields a programme asks (and requires), and whether registration is open. */
public record FormSettings(
    UUID programmeId,
    Set<StandardField> fields,
    Set<StandardField> required,
    boolean invitationOnly,
    boolean open) {

  public static FormSettings defaults(UUID programmeId) {
    return new FormSettings(
        programmeId,
        EnumSet.of(StandardField.REGION, StandardField.PROFESSION, StandardField.LANGUAGE),
        EnumSet.noneOf(StandardField.class),
        false,
        true);
  }

  public boolean asks(StandardField f) {
    return fields.contains(f);
  }

  public boolean requires(StandardField f) {
    return fields.contains(f) && required.contains(f);
  }
}
