package org.lectern.registration;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.lectern.programme.Programme;
import org.lectern.programme.ProgrammeService;
import org.lectern.registration.RegistrationViews.ConfirmPage;
import org.lectern.shared.error.ConflictException;
import org.lectern.shared.error.NotFoundException;
import org.lectern.shared.web.Ui;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.View;

/**
 * The confirmation link of double opt-in. Opening it (GET) only shows a button: mail scanners that
 * open links confirm nothing. The button (POST, with the form's CSRF token) enrols, then shows the
 * usual outcome page; the usual mail follows.
 */
@Controller
record OptInController(ProgrammeService programmes, RegistrationService service, OptIn optIn) {

  @GetMapping("/programmes/{slug}/register/confirm")
  String open(
      @PathVariable String slug,
      @RequestParam(required = false) String token,
      Ui ui,
      Model model,
      HttpServletResponse response) {
    Programme p = published(slug);
    var refused = optIn.check(p.id(), token);
    refused.ifPresent(r -> response.setStatus(r.status()));
    model.addAttribute(
        "page",
        new ConfirmPage(
            slug,
            p.title().show(ui.lang(), p.languages()),
            refused.isPresent() ? null : token,
            refused.map(r -> ui.t(r.code())).orElse(null)));
    return "registration/confirm";
  }

  @PostMapping("/programmes/{slug}/register/confirm")
  String confirm(
      @PathVariable String slug,
      @RequestParam(required = false) String token,
      Ui ui,
      Model model,
      HttpServletRequest http,
      HttpServletResponse response) {
    Programme p = published(slug);
    OptIn.Confirmation outcome;
    try {
      outcome = optIn.confirm(p, token);
    } catch (ConflictException e) {
      outcome = new OptIn.Refused(e.code(), 409);
    }
    if (outcome instanceof OptIn.Done done) {
      var r = done.registration();
      http.setAttribute(View.RESPONSE_STATUS_ATTRIBUTE, HttpStatus.SEE_OTHER);
      return "redirect:/programmes/"
          + slug
          + "/register/done/"
          + r.id()
          + "?t="
          + service.accessToken(r.id());
    }
    var refused = (OptIn.Refused) outcome;
    response.setStatus(refused.status());
    model.addAttribute(
        "page",
        new ConfirmPage(
            slug, p.title().show(ui.lang(), p.languages()), null, ui.t(refused.code())));
    return "registration/confirm";
  }

  private Programme published(String slug) {
    return programmes
        .publishedBySlug(slug)
        .orElseThrow(() -> new NotFoundException("error.notFound"));
  }
}
