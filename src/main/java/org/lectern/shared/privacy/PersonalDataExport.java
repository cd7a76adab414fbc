package org.lectern.shared.privacy;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * What a feature holds about a delegate, for the delegate's own download ("everything Lectern holds
 * about me"). Each feature that stores data about registrations provides one (a bean). Values are
 * plain JSON values (text, numbers, booleans, ISO instants as text); field names are stable, and
 * each has a label {@code privacy.field.<name>} in every language for the readable page.
 */
public interface PersonalDataExport {

  /**
   * The section's stable name, e.g. {@code answers}; its title is {@code privacy.section.<name>}.
   */
  String section();

  /** One map per record, its fields in a stable order. */
  List<Map<String, Object>> export(Collection<UUID> registrationIds);
}
