package org.lectern.certificate;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.lectern.identity.LecternUser;
import org.lectern.shared.error.InvalidInputException;
import org.lectern.shared.error.UnauthenticatedException;
import org.lectern.shared.web.Ui;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * Certificates in the REST API: issue to everyone eligible, list, download (organisers of the
 * programme), revoke, and check a file (anyone).
 */
@RestController
@Tag(name = "Certificates")
record CertificateApiController(
    CertificateService office, Verification verification, CertificateViews views) {

  record IssueAnswer(int issued, int skipped, List<String> failed) {}

  record Item(
      String code,
      String registrationId,
      String status,
      Instant issuedAt,
      Instant revokedAt,
      String supersededBy,
      double hours,
      String language,
      String verifyUrl) {}

  record RevokeBody(String reason) {}

  record VerifyAnswer(String outcome, String message, PublicCertificate certificate) {}

  @PostMapping("/api/v1/programmes/{id}/certificates")
  @Operation(summary = "Issue certificates to everyone eligible; issuing again skips the issued")
  ResponseEntity<IssueAnswer> issue(
      @PathVariable UUID id, @AuthenticationPrincipal LecternUser actor) {
    var r = office.issueAll(require(actor), id);
    return ResponseEntity.status(HttpStatus.CREATED)
        .body(
            new IssueAnswer(
                r.issued(), r.skipped(), r.failed().stream().map(UUID::toString).toList()));
  }

  @GetMapping("/api/v1/programmes/{id}/certificates")
  @Operation(summary = "Certificates of a programme, every status, oldest first")
  ResponseEntity<List<Item>> list(
      @PathVariable UUID id,
      @RequestParam(defaultValue = "100") int limit,
      @RequestParam(defaultValue = "0") int offset,
      @AuthenticationPrincipal LecternUser actor) {
    var problems = new InvalidInputException.Collector();
    problems.check(limit >= 1 && limit <= 1000, "limit", "validation.range", 1, 1000);
    problems.check(offset >= 0, "offset", "validation.min", 0);
    problems.throwIfAny();
    var items = office.list(require(actor), id, limit, offset).stream().map(this::item).toList();
    return ResponseEntity.ok()
        .header("X-Total-Count", String.valueOf(office.count(actor, id)))
        .body(items);
  }

  @GetMapping(value = "/api/v1/certificates/{code}/pdf")
  @Operation(summary = "The signed PDF (organisers of the programme; delegates use My trainings)")
  ResponseEntity<byte[]> pdf(
      @PathVariable String code, @AuthenticationPrincipal LecternUser actor) {
    var c = office.manageable(require(actor), code);
    byte[] pdf = office.pdf(actor, code);
    return ResponseEntity.ok()
        .contentType(MediaType.APPLICATION_PDF)
        .header(
            HttpHeaders.CONTENT_DISPOSITION,
            ContentDisposition.attachment().filename(views.fileName(c)).build().toString())
        .header(HttpHeaders.CACHE_CONTROL, "no-store")
        .body(pdf);
  }

  @PostMapping("/api/v1/certificates/{code}/revoke")
  @Operation(summary = "Revoke with a reason; the verification page then shows it revoked")
  Item revoke(
      @PathVariable String code,
      @RequestBody(required = false) RevokeBody body,
      @AuthenticationPrincipal LecternUser actor) {
    return item(office.revoke(require(actor), code, body == null ? null : body.reason()));
  }

  @PostMapping(
      value = "/api/v1/certificates/verify",
      consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
  @Operation(summary = "Check a certificate file: signature, signer and the code's status")
  VerifyAnswer verify(@RequestParam("file") MultipartFile file, HttpServletRequest req, Ui ui)
      throws IOException {
    // Limited and capped by VerifyUploadGuard before the upload was read.
    UploadVerdict v = verification.check(file.getBytes(), ui.locale());
    return new VerifyAnswer(v.outcome().name(), ui.t(v.outcome().key()), v.certificate());
  }

  private Item item(Certificate c) {
    return new Item(
        views.code(c),
        c.registrationId().toString(),
        c.status().name(),
        c.issuedAt(),
        c.revokedAt(),
        c.supersededBy() == null ? null : c.supersededBy().toString(),
        c.hours().hours().doubleValue(),
        c.language(),
        views.verifyUrl(c));
  }

  private static LecternUser require(LecternUser actor) {
    if (actor == null) {
      throw new UnauthenticatedException("certificate.signInRequired");
    }
    return actor;
  }
}
