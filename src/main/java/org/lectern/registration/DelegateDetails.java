package org.lectern.registration;

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

  /** The minimum: name, e-mail and the language to write to them in. */
  public static DelegateDetails of(String fullName, String email, String language) {
    return new DelegateDetails(
        fullName, email, null, null, null, null, null, null, null, null, null, language, null);
  }
}
