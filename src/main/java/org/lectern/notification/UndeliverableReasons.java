package org.lectern.notification;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.lectern.shared.mail.UndeliverableMarks;
import org.springframework.stereotype.Component;

/** The marks of undeliverable addresses, as pages that list people show them. */
@Component
record UndeliverableReasons(UndeliverableAddresses addresses) implements UndeliverableMarks {

  @Override
  public Map<String, String> reasons(UUID organisationId, Collection<String> emails) {
    Map<String, String> reasons = new HashMap<>();
    if (organisationId == null || emails.isEmpty()) {
      return reasons;
    }
    addresses
        .among(organisationId, emails)
        .forEach(
            (email, mark) ->
                reasons.put(email, "notification.delivery.reason." + mark.reason().name()));
    return reasons;
  }
}
