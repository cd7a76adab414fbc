package org.lectern.support;

import java.util.Map;
import org.lectern.registration.RegistrationRequest;

/** Registration requests as the tests send them: a name, an address, a language and little else. */
public final class Registrations {

  private Registrations() {}

  /**
   * A request with only these answers.
   *
   * @param attendance how the delegate attends sessions, by session id ({@code ONLINE}, {@code
   *     IN_PERSON}); empty for none chosen
   */
  public static RegistrationRequest request(
      String fullName,
      String email,
      String language,
      boolean consent,
      Map<String, String> attendance) {
    return new RegistrationRequest(
        fullName,
        email,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        language,
        null,
        Map.of(),
        consent,
        attendance,
        null);
  }
}
