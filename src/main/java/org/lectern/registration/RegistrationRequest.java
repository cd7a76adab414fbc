package org.lectern.registration;

import java.util.List;
import java.util.Map;

/**
 * A registration as submitted, from the public form or the API: strings as typed, not yet checked.
 * {@code answers} maps a question id to the chosen values or the typed text; {@code attendance}
 * maps a hybrid session id to ROOM or ONLINE.
 */
public record RegistrationRequest(
    String fullName,
    String email,
    String phone,
    String region,
    String country,
    String town,
    String profession,
    String yearsBand,
    String gender,
    String barMember,
    String licenceNumber,
    String language,
    String accessibility,
    Map<String, List<String>> answers,
    boolean consent,
    Map<String, String> attendance,
    String invitation) {

  public static RegistrationRequest minimal(String fullName, String email, String language) {
    return new RegistrationRequest(
        fullName, email, null, null, null, null, null, null, null, null, null, language, null,
        Map.of(), false, Map.of(), null);
  }
}
