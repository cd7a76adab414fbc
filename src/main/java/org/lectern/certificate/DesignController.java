package org.lectern.certificate;

import java.io.IOException;
import java.util.Base64;
import java.util.UUID;
import org.lectern.identity.LecternUser;
import org.lectern.programme.ProgrammeService;
import org.lectern.shared.error.InvalidInputException;
import org.lectern.shared.web.FormData;
import org.lectern.shared.web.FormErrors;
import org.lectern.shared.web.Ui;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/** Certificate design per programme: topic-neutral option, signatories, logo, template, preview. */
@Controller
record DesignController(CertificateDesign design, ProgrammeService programmes) {

  static final int LOGO_MAX = 512 * 1024;

  @GetMapping("/admin/programmes/{id}/certificates/settings")
  String show(
      @PathVariable UUID id,
      @RequestParam(required = false) String saved,
      @AuthenticationPrincipal LecternUser actor,
      Ui ui,
      Model model) {
    CertificateSettings s = design.settings(actor, id);
    DesignForm form = DesignForm.of(s, design.defaultTemplate());
    model.addAttribute(
        "page",
        page(
            id,
            actor,
            ui,
            form,
            s.logoPng() != null,
            FormErrors.none(),
            null,
            saved == null ? null : ui.t("certificate.design.saved")));
    return "certificate/design";
  }

  @PostMapping("/admin/programmes/{id}/certificates/settings")
  String submit(
      @PathVariable UUID id,
      @RequestParam MultiValueMap<String, String> values,
      @RequestParam(required = false) MultipartFile logo,
      @AuthenticationPrincipal LecternUser actor,
      Ui ui,
      Model model)
      throws IOException {
    CertificateSettings stored = design.settings(actor, id);
    DesignForm form = DesignForm.from(new FormData(values));
    boolean preview = "preview".equals(values.getFirst("action"));
    try {
      CertificateSettings s = form.toSettings(id, stored, logo(logo), design.defaultTemplate());
      if (preview) {
        byte[] png = design.preview(actor, id, s, form.previewLanguage());
        model.addAttribute(
            "page",
            page(
                id,
                actor,
                ui,
                form,
                s.logoPng() != null,
                FormErrors.none(),
                Base64.getEncoder().encodeToString(png),
                null));
        return "certificate/design";
      }
      design.save(actor, id, s);
      return "redirect:/admin/programmes/" + id + "/certificates/settings?saved";
    } catch (InvalidInputException e) {
      model.addAttribute(
          "page",
          page(id, actor, ui, form, stored.logoPng() != null, FormErrors.of(e, ui), null, null));
      return "certificate/design";
    }
  }

  private static byte[] logo(MultipartFile file) throws IOException {
    if (file == null || file.isEmpty()) {
      return null;
    }
    if (file.getSize() > LOGO_MAX) {
      throw InvalidInputException.of("logo", "certificate.design.logoTooLarge", LOGO_MAX / 1024);
    }
    byte[] bytes = file.getBytes();
    byte[] signature = {(byte) 0x89, 'P', 'N', 'G'};
    if (bytes.length < 4 || !java.util.Arrays.equals(bytes, 0, 4, signature, 0, 4)) {
      throw InvalidInputException.of("logo", "certificate.design.logoPng");
    }
    return bytes;
  }

  private DesignPage page(
      UUID id,
      LecternUser actor,
      Ui ui,
      DesignForm form,
      boolean hasLogo,
      FormErrors errors,
      String png,
      String notice) {
    var p = programmes.manageable(actor, id);
    return new DesignPage(
        id.toString(),
        p.title().show(ui.lang(), p.languages()),
        form,
        hasLogo,
        errors,
        png,
        notice);
  }
}
