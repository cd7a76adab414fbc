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

  /** A submission of the given details (as an API client sends them, a yes/no as a boolean). */
  public static RegistrationRequest of(
      DelegateDetails d,
      Map<String, List<String>> answers,
      boolean consent,
      Map<String, String> attendance,
      String invitation) {
    return new RegistrationRequest(
        d.fullName(),
        d.email(),
        d.phone(),
        d.region(),
        d.country(),
        d.town(),
        d.profession(),
        d.yearsBand(),
        d.gender(),
        d.barMember() == null ? null : d.barMember() ? "yes" : "no",
        d.licenceNumber(),
        d.language(),
        d.accessibility(),
        answers,
        consent,
        attendance,
        invitation);
  }

  public static RegistrationRequest minimal(String fullName, String email, String language) {
    return of(DelegateDetails.of(fullName, email, language), Map.of(), false, Map.of(), null);
  }
}
