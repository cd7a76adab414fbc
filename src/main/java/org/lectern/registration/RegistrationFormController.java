package org.lectern.registration;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.lectern.identity.LecternUser;
import org.lectern.programme.Programme;
import org.lectern.programme.ProgrammeService;
import org.lectern.shared.error.DomainException;
import org.lectern.shared.error.NotFoundException;
import org.lectern.shared.web.FormData;
import org.lectern.shared.web.FormErrors;
import org.lectern.shared.web.Ui;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.View;

/** The public registration form: no account, works without JavaScript, answers in the language. */
@Controller
record RegistrationFormController(
    ProgrammeService programmes,
    RegistrationService service,
    FormPages pages,
    RateLimits rateLimits,
    InvitationService invitationOffice,
    OptIn optIn,
    FormSetupRepository forms) {

  /** The honeypot: hidden from people by CSS, filled in by naive bots. */
  static final String HONEYPOT = "website";

  private static final List<String> FIELDS =
      Stream.concat(DelegateDetails.FIELDS.stream(), Stream.of("invitation")).toList();

  @GetMapping("/programmes/{slug}/register")
  String form(
      @PathVariable String slug,
      @RequestParam(required = false) String invitation,
      Ui ui,
      Model model) {
    Programme p = published(slug);
    Map<String, String> values = new HashMap<>();
    if (invitation != null) {
      values.put("invitation", invitation);
      invitationOffice.opened(p.id(), invitation);
    }
    values.put("language", ui.lang());
    model.addAttribute("page", pages.form(p, ui, values, Map.of(), FormErrors.none()));
    return "registration/form";
  }

  @PostMapping("/programmes/{slug}/register")
  String submit(
      @PathVariable String slug,
      @RequestParam MultiValueMap<String, String> params,
      @AuthenticationPrincipal LecternUser actor,
      Ui ui,
      Model model,
      HttpServletRequest http,
      HttpServletResponse response) {
    Programme p = published(slug);
    FormData form = new FormData(params);
    if (!form.raw(HONEYPOT).isEmpty()) {
      // Pretend success and store nothing: a bot learns nothing from the answer.
      return checkInbox(slug, http);
    }
    Map<String, String> values = new LinkedHashMap<>();
    FIELDS.forEach(f -> values.put(f, form.get(f)));
    Map<String, List<String>> answers = new HashMap<>();
    Map<String, String> attendance = new HashMap<>();
    params
        .keySet()
        .forEach(
            k -> {
              if (k.startsWith("q.")) {
                answers.put(k.substring(2), form.all(k));
              } else if (k.startsWith("attend.")) {
                attendance.put(k.substring(7), form.get(k));
                values.put(k, form.get(k));
              }
            });
    var request =
        new RegistrationRequest(
            values.get("fullName"),
            values.get("email"),
            values.get("phone"),
            values.get("region"),
            values.get("country"),
            values.get("town"),
            values.get("profession"),
            values.get("yearsBand"),
            values.get("gender"),
            values.get("barMember"),
            values.get("licenceNumber"),
            values.get("language"),
            values.get("accessibility"),
            answers,
            form.checked("consent"),
            attendance,
            values.get("invitation"));
    try {
      rateLimits.check(http.getRemoteAddr(), values.get("email"));
      if (!service.manages(actor, p.id()) && forms.doubleOptIn(p.id())) {
        // The same answer for every address and every state: only the e-mail tells.
        optIn.request(p, request);
        return checkInbox(slug, http);
      }
      var result = service.register(p.id(), request, actor);
      var r = result.registration();
      if (!result.created() && actor == null) {
        // The address was already registered: say no more than for a new registration, so the
        // form cannot be used to learn whether someone registered (the delegate has the e-mail).
        model.addAttribute(
            "page",
            new RegistrationViews.DonePage(
                slug, p.title().show(ui.lang(), p.languages()), null, null));
        return "registration/done";
      }
      // 303, as every answer to this form: the browser follows with a GET.
      http.setAttribute(View.RESPONSE_STATUS_ATTRIBUTE, HttpStatus.SEE_OTHER);
      return "redirect:/programmes/"
          + slug
          + "/register/done/"
          + r.id()
          + "?t="
          + service.accessToken(r.id());
    } catch (org.lectern.shared.limit.TooManyRequestsException e) {
      throw e;
    } catch (DomainException e) {
      Map<String, List<String>> multi = new HashMap<>();
      answers.forEach((k, v) -> multi.put("q." + k, v));
      response.setStatus(422);
      model.addAttribute("page", pages.form(p, ui, values, multi, FormErrors.of(e, ui)));
      return "registration/form";
    }
  }

  @GetMapping("/programmes/{slug}/register/done/{id}")
  String done(
      @PathVariable String slug,
      @PathVariable UUID id,
      @RequestParam String t,
      Ui ui,
      Model model) {
    Programme p = published(slug);
    Registration r =
        service
            .find(id)
            .filter(x -> x.programmeId().equals(p.id()))
            .filter(x -> service.validAccessToken(id, t))
            .orElseThrow(() -> new NotFoundException("registration.notFound"));
    model.addAttribute(
        "page",
        new RegistrationViews.DonePage(
            slug,
            p.title().show(ui.lang(), p.languages()),
            r.status().name(),
            service.position(r)));
    return "registration/done";
  }

  /** 303 to "check your inbox", the page every public submission ends on. */
  static String checkInbox(String slug, HttpServletRequest http) {
    http.setAttribute(View.RESPONSE_STATUS_ATTRIBUTE, HttpStatus.SEE_OTHER);
    return "redirect:/programmes/" + slug + "/register/check-inbox";
  }

  @GetMapping("/programmes/{slug}/register/check-inbox")
  String checkInboxPage(@PathVariable String slug, Ui ui, Model model) {
    Programme p = published(slug);
    model.addAttribute(
        "page",
        new RegistrationViews.CheckInboxPage(slug, p.title().show(ui.lang(), p.languages())));
    return "registration/checkInbox";
  }

  private Programme published(String slug) {
    return programmes
        .publishedBySlug(slug)
        .orElseThrow(() -> new NotFoundException("error.notFound"));
  }
}
