package org.lectern.certificate;

import java.util.List;
import org.lectern.shared.i18n.LocalizedText;

/** The organiser's certificates page of one programme, ready to show. */
public record CertificateAdminPage(
    String programmeId,
    LocalizedText.Shown title,
    List<Row> rows,
    long eligibleWithout,
    List<Issued> certificates,
    String notice,
    String error) {

  /** A confirmed delegate and whether they earned a certificate. */
  public record Row(
      String registrationId,
      String name,
      boolean eligible,
      boolean completed,
      String reason,
      String overrideReason,
      String hours,
      String code) {}

  /** A certificate ever issued for the programme, any status. */
  public record Issued(
      String code,
      String name,
      String status,
      String statusDetail,
      String issued,
      String hours,
      String language,
      boolean valid) {}
}
