package org.lectern.registration;

import jakarta.servlet.http.HttpServletResponse;
import org.lectern.programme.ProgrammeHeading;
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
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.view.RedirectView;

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
    var page = optIn.open(slug, token).orElseThrow(() -> new NotFoundException("error.notFound"));
    ProgrammeHeading p = page.programme();
    var refused = page.refused();
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
  ModelAndView confirm(
      @PathVariable String slug,
      @RequestParam(required = false) String token,
      Ui ui,
      Model model,
      HttpServletResponse response) {
    ProgrammeHeading p = published(slug);
    OptIn.Confirmation outcome;
    try {
      outcome = optIn.confirm(p, token);
    } catch (ConflictException e) {
      outcome = new OptIn.Refused(e.code(), 409);
    }
    if (outcome instanceof OptIn.Done done) {
      var r = done.registration();
      // The view itself, not "redirect:…": a view name unique to each registration missed the view
      // resolvers' cache every time and had a RedirectView made and initialised as a bean per
      // confirmation (issue 16). The same 303 and Location.
      var redirect =
          new RedirectView(
              "/programmes/"
                  + slug
                  + "/register/done/"
                  + r.id()
                  + "?t="
                  + service.accessToken(r.id()),
              true);
      redirect.setStatusCode(HttpStatus.SEE_OTHER);
      return new ModelAndView(redirect);
    }
    var refused = (OptIn.Refused) outcome;
    response.setStatus(refused.status());
    model.addAttribute(
        "page",
        new ConfirmPage(
            slug, p.title().show(ui.lang(), p.languages()), null, ui.t(refused.code())));
    return new ModelAndView("registration/confirm");
  }

  /** Only the title, languages and zone of the programme: not its description (issue 16). */
  private ProgrammeHeading published(String slug) {
    return programmes
        .publishedHeading(slug)
        .orElseThrow(() -> new NotFoundException("error.notFound"));
  }
}
