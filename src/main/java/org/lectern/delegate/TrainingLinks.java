package org.lectern.delegate;

import java.util.List;
import java.util.UUID;

/**
 * A confirmed delegate's personal links for "My trainings" beyond the sessions themselves (tests,
 * surveys, materials), provided by the learning module. An interface here, so that "My trainings"
 * does not depend on learning (learning depends on what My trainings builds on).
 */
public interface TrainingLinks {

  List<TrainingLink> forRegistration(UUID registrationId, UUID programmeId, String lang);

  /**
   * One link.
   *
   * @param kind the message key's last part ({@code learning.link.<kind>})
   * @param answered the delegate has answered it (the link then shows the result)
   * @param about an argument of the message (a session's title), or null
   */
  record TrainingLink(String kind, String path, boolean answered, String about) {

    public String messageKey() {
      return "learning.link." + kind;
    }
  }
}
