package org.lectern.certificate;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.time.ZoneId;
import org.lectern.certificate.document.CertificateCode;
import org.lectern.shared.error.NotFoundException;
import org.lectern.shared.web.Ui;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/**
 * Public verification: the page a certificate's QR code opens, a form to type a code or upload a
 * file, and each organisation's public certificate for checking files offline.
 */
@Controller
record VerificationController(Verification verification, VerifyLimits limits) {

  static final ZoneId SHOWN_ZONE = ZoneId.of("Asia/Almaty");

  @GetMapping("/verify")
  String form(@RequestParam(required = false) String code, HttpServletRequest req, Model model) {
    if (code != null && !code.isBlank()) {
      var parsed = CertificateCode.tryParse(code);
      if (parsed.isPresent()) {
        return "redirect:/verify/" + parsed.get().value();
      }
      model.addAttribute("page", new VerificationPages.Check(code, true, null, null));
      return "certificate/verify";
    }
    model.addAttribute("page", new VerificationPages.Check("", false, null, null));
    return "certificate/verify";
  }

  @GetMapping("/verify/{code}")
  String verify(@PathVariable String code, HttpServletRequest req, Ui ui, Model model) {
    limits.check(req.getRemoteAddr());
    PublicCertificate c =
        verification
            .lookup(code, ui.locale())
            .orElseThrow(() -> new NotFoundException("certificate.notFound"));
    model.addAttribute("page", verified(c, ui));
    return "certificate/verified";
  }

  @PostMapping("/verify")
  String upload(
      @RequestParam(required = false) MultipartFile file,
      HttpServletRequest req,
      Ui ui,
      Model model)
      throws IOException {
    // Limited and capped by VerifyUploadGuard before the upload was read.
    byte[] bytes = file == null ? new byte[0] : file.getBytes();
    UploadVerdict verdict = verification.check(bytes, ui.locale());
    model.addAttribute(
        "page",
        new VerificationPages.Check(
            "",
            false,
            verdict,
            verdict.certificate() == null ? null : verified(verdict.certificate(), ui)));
    return "certificate/verify";
  }

  @GetMapping(value = "/organisations/{slug}/certificate.pem")
  ResponseEntity<String> publicCertificate(@PathVariable String slug) {
    String pem =
        verification
            .publicCertificate(slug)
            .orElseThrow(() -> new NotFoundException("certificate.keyNotFound"));
    return ResponseEntity.ok()
        .contentType(new MediaType("application", "x-pem-file"))
        .header("Content-Disposition", "inline; filename=\"" + slug + "-certificate.pem\"")
        .body(pem);
  }

  static VerificationPages.Verified verified(PublicCertificate c, Ui ui) {
    var f = ui.time();
    return new VerificationPages.Verified(
        c,
        f.date(c.issuedAt(), SHOWN_ZONE),
        c.statusChangedAt() == null ? null : f.date(c.statusChangedAt(), SHOWN_ZONE));
  }
}
