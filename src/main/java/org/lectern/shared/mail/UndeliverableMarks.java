package org.lectern.shared.mail;

import java.util.Collection;
import java.util.Map;
import java.util.UUID;

/**
 * Which addresses an organisation's mail cannot reach, for the pages that list people (the
 * registrations list shows the reason next to the person). Implemented by the mail feature.
 */
public interface UndeliverableMarks {

  /**
   * For each of these addresses that the organisation's mail cannot reach, the message key of why
   * ({@code notification.delivery.reason.*}); addresses that receive mail are absent.
   */
  Map<String, String> reasons(UUID organisationId, Collection<String> addresses);
}
