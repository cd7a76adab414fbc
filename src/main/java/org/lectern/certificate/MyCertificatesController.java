package org.lectern.certificate;

import org.lectern.identity.DelegatePrincipal;
import org.lectern.shared.error.NotFoundException;
import org.lectern.shared.web.Ui;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/** The delegate's certificates, behind the "My trainings" sign-in (everything under /my). */
@Controller
record MyCertificatesController(DelegateCertificates certificates, CertificateViews views) {

  @GetMapping("/my/certificates")
  String list(@AuthenticationPrincipal DelegatePrincipal delegate, Ui ui, Model model) {
    var items =
        certificates.of(delegate.email()).stream()
            .map(
                c ->
                    new MyCertificatesPage.Item(
                        views.code(c),
                        c.programmeTitle(),
                        c.language(),
                        ui.time().date(c.issuedAt(), VerificationController.SHOWN_ZONE),
                        c.hours().format(ui.locale()),
                        c.status().name(),
                        c.isValid(),
                        views.verifyUrl(c)))
            .toList();
    model.addAttribute("page", new MyCertificatesPage(items));
    return "certificate/my";
  }

  @GetMapping("/my/certificates/{code}.pdf")
  ResponseEntity<byte[]> pdf(
      @AuthenticationPrincipal DelegatePrincipal delegate, @PathVariable String code) {
    byte[] pdf =
        certificates
            .pdf(delegate.email(), code)
            .orElseThrow(() -> new NotFoundException("certificate.notFound"));
    return ResponseEntity.ok()
        .contentType(MediaType.APPLICATION_PDF)
        .header(
            HttpHeaders.CONTENT_DISPOSITION,
            ContentDisposition.attachment()
                .filename("certificate-" + code + ".pdf")
                .build()
                .toString())
        .header(HttpHeaders.CACHE_CONTROL, "no-store")
        .body(pdf);
  }
}
