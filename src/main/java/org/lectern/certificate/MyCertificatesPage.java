package org.lectern.certificate;

import java.util.List;

/** "My certificates" under My trainings. */
public record MyCertificatesPage(List<Item> certificates) {

  public record Item(
      String code,
      String programmeTitle,
      String language,
      String issued,
      String hours,
      String status,
      boolean valid,
      String verifyUrl) {}
}
