package org.lectern.notification;

import java.util.Set;
import java.util.UUID;

/**
 * Who asked not to receive a programme's announcements, and the link in each announcement that asks
 * it. Implemented by the delegate module, which owns the unsubscribe page and its table.
 */
public interface AnnouncementOptOuts {

  /** The registrations of the programme whose delegates stopped its announcements. */
  Set<UUID> of(UUID programmeId);

  /** The address, for the announcement to this registration, that stops the programme's. */
  String url(UUID programmeId, UUID registrationId);
}
