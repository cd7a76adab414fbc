package org.lectern.notification;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.lectern.identity.LecternUser;
import org.lectern.programme.Programme;
import org.lectern.programme.ProgrammePrivacy;
import org.lectern.programme.ProgrammeService;
import org.lectern.shared.error.InvalidInputException;
import org.lectern.shared.error.NotFoundException;
import org.lectern.shared.i18n.LocalizedText;
import org.lectern.shared.web.FormErrors;
import org.lectern.shared.web.Ui;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Back office: a programme's announcements, and its neutral wording (set by programme's
 * ProgrammePrivacyController).
 */
@Controller
record ProgrammeMailController(
    ProgrammeService programmes, ProgrammePrivacy privacy, Announcements announcements) {

  @GetMapping({"/admin/programmes/{id}/announcements", "/admin/programmes/{id}/privacy"})
  String show(
      @AuthenticationPrincipal LecternUser user,
      @PathVariable String id,
      @RequestParam(required = false) Integer sent,
      Model model,
      Ui ui) {
    Programme p = programmes.manageable(user, parse(id));
    return render(model, ui, p, Map.of(), FormErrors.none(), sent);
  }

  @PostMapping("/admin/programmes/{id}/announcements")
  String announce(
      @AuthenticationPrincipal LecternUser user,
      @PathVariable String id,
      @RequestParam Map<String, String> form,
      Model model,
      Ui ui) {
    Programme p = programmes.manageable(user, parse(id));
    LocalizedText subject = LocalizedText.empty();
    LocalizedText body = LocalizedText.empty();
    for (String lang : p.languages()) {
      subject = subject.with(lang, form.get("subject." + lang));
      body = body.with(lang, form.get("body." + lang));
    }
    UUID nonce;
    try {
      nonce = UUID.fromString(form.getOrDefault("nonce", ""));
    } catch (IllegalArgumentException e) {
      nonce = UUID.randomUUID();
    }
    try {
      int queued = announcements.send(user, p.id(), nonce, subject, body);
      return "redirect:/admin/programmes/" + p.id() + "/announcements?sent=" + queued;
    } catch (InvalidInputException e) {
      Map<String, String> values = new HashMap<>(form);
      values.put("nonce", nonce.toString());
      return render(model, ui, p, values, FormErrors.of(e, ui), null);
    }
  }

  private String render(
      Model model,
      Ui ui,
      Programme p,
      Map<String, String> values,
      FormErrors errors,
      Integer sent) {
    String nonce = values.get("nonce");
    model.addAttribute(
        "page",
        new ProgrammeMailPage(
            p.id(),
            p.title(ui.lang()),
            p.languages(),
            privacy.neutralWording(p.id()),
            nonce == null ? UUID.randomUUID() : UUID.fromString(nonce),
            values,
            errors,
            sent));
    return "notification/programme-mail";
  }

  private static UUID parse(String id) {
    try {
      return UUID.fromString(id);
    } catch (IllegalArgumentException e) {
      throw new NotFoundException("programme.notFound");
    }
  }
}
