package org.lectern.registration;

import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.List;

/**
 * What a delegate told us about themselves. In memory in clear; in the database the identifying
 * fields (name, e-mail, phone, town, licence number, accessibility needs) are encrypted.
 */
public record DelegateDetails(
    String fullName,
    String email,
    String phone,
    String region,
    String country,
    String town,
    String profession,
    String yearsBand,
    String gender,
    Boolean barMember,
    String licenceNumber,
    String language,
    String accessibility) {

  /** The details' names, in order: the form's fields and the API's properties. */
  public static final List<String> FIELDS =
      Arrays.stream(DelegateDetails.class.getRecordComponents())
          .map(RecordComponent::getName)
          .toList();

  /** The minimum: name, e-mail and the language to write to them in. */
  public static DelegateDetails of(String fullName, String email, String language) {
    return new DelegateDetails(
        fullName, email, null, null, null, null, null, null, null, null, null, language, null);
  }
}
