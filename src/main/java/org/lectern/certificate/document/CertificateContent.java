package org.lectern.certificate.document;

import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything printed on one certificate, already decided by the app (eligibility, hours, names
 * exactly as registered); the document engine only lays it out and never looks anything up.
 *
 * @param topicNeutral when true the topics are not printed; one "Module N of the programme" line
 *     per topic is printed instead, so carrying the certificate does not reveal sensitive subjects
 * @param logoPng optional organiser logo as PNG bytes, or null
 */
public record CertificateContent(
    String holderName,
    Optional<String> licenceNumber,
    String programmeTitle,
    LocalDate firstSession,
    LocalDate lastSession,
    CpdHours hours,
    String deliveryMode,
    String issuer,
    List<String> partners,
    List<String> trainers,
    List<String> topics,
    boolean topicNeutral,
    CertificateCode code,
    URI verificationUrl,
    LocalDate issueDate,
    List<Signatory> signatories,
    byte[] logoPng) {

  public CertificateContent {
    requireText(holderName, "holderName");
    requireText(programmeTitle, "programmeTitle");
    requireText(issuer, "issuer");
    licenceNumber =
        licenceNumber == null ? Optional.empty() : licenceNumber.filter(s -> !s.isBlank());
    Objects.requireNonNull(firstSession, "firstSession");
    Objects.requireNonNull(lastSession, "lastSession");
    if (lastSession.isBefore(firstSession)) {
      throw new IllegalArgumentException("Last session is before the first: " + lastSession);
    }
    Objects.requireNonNull(hours, "hours");
    deliveryMode = deliveryMode == null ? "" : deliveryMode;
    partners = List.copyOf(partners == null ? List.of() : partners);
    trainers = List.copyOf(trainers == null ? List.of() : trainers);
    topics = List.copyOf(topics == null ? List.of() : topics);
    Objects.requireNonNull(code, "code");
    Objects.requireNonNull(verificationUrl, "verificationUrl");
    Objects.requireNonNull(issueDate, "issueDate");
    signatories = List.copyOf(signatories == null ? List.of() : signatories);
    logoPng = logoPng == null ? null : requirePng(logoPng.clone());
  }

  @Override
  public byte[] logoPng() {
    return logoPng == null ? null : logoPng.clone();
  }

  /** The URL the QR code carries: {@code <base>/verify/<code>}. */
  public static URI verificationUrl(URI publicBaseUrl, CertificateCode code) {
    String base = publicBaseUrl.toString().replaceAll("/+$", "");
    return URI.create(base + "/verify/" + code.value());
  }

  // Only PNG passes through openhtmltopdf into PDF/A unchanged; anything else is refused early.
  private static byte[] requirePng(byte[] bytes) {
    byte[] signature = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};
    if (bytes.length < signature.length
        || !java.util.Arrays.equals(bytes, 0, signature.length, signature, 0, signature.length)) {
      throw new IllegalArgumentException("The logo must be a PNG image");
    }
    return bytes;
  }

  private static void requireText(String value, String name) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException(name + " must not be blank");
    }
  }
}
