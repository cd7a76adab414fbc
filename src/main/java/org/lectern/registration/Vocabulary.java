package org.lectern.registration;

import java.util.List;

/** The fixed values of the standard fields, as the API and reports spell them (API.md). */
public final class Vocabulary {

  private Vocabulary() {}

  public static final List<String> PROFESSIONS =
      List.of(
          "advocate",
          "legal_consultant",
          "in_house_lawyer",
          "ngo_lawyer",
          "judge",
          "prosecutor",
          "academic",
          "student",
          "other");

  public static final List<String> GENDERS = List.of("female", "male", "other", "undisclosed");

  public static final List<String> YEARS_BANDS =
      List.of("none", "1-2", "3-5", "6-10", "11-20", "21+");

  public static final List<String> LANGUAGES = List.of("en", "ru", "kk");
}
