package org.lectern.attendance.checkin;

import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.util.UUID;
import org.lectern.identity.LecternUser;
import org.lectern.shared.error.DomainException;
import org.lectern.shared.error.InvalidInputException;
import org.lectern.shared.error.NotFoundException;
import org.lectern.shared.web.Ui;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The door list of a session's room: search by name, check in and out with one button, or by a
 * delegate's code (typed, from a scanner that types, or from the camera). Plain forms; every answer
 * to a scan, and to a search, is a redirect back to the list, which says what happened. A search is
 * posted, never a query string: a name in a URL ends up in logs, history and the referrer.
 */
@Controller
record CheckInController(CheckInService door, CheckInPages pages, Clock clock) {

  @GetMapping("/admin/sessions/{id}/check-in")
  String show(
      @PathVariable String id, @AuthenticationPrincipal LecternUser user, Ui ui, Model model) {
    boolean focusCode = Boolean.TRUE.equals(model.getAttribute("focusCode"));
    // The search survives a check-in from its results as a flash attribute, not in the URL.
    String q = model.getAttribute("q") instanceof String s ? s : null;
    return render(user, uuid(id), q, "", null, false, focusCode, ui, model);
  }

  /**
   * A search of the door list, by name; outside the check-in window door staff see nobody. The
   * answer is a redirect to the list, which shows the search (a flash attribute): a page that
   * answered a POST is one the phone's Back button can only offer to resubmit ("Confirm form
   * resubmission"), and door staff press Back after every check-in from a search.
   */
  @PostMapping("/admin/sessions/{id}/check-in/search")
  String search(
      @PathVariable String id,
      @AuthenticationPrincipal LecternUser user,
      @RequestParam(required = false) String q,
      RedirectAttributes redirect) {
    UUID sid = uuid(id);
    door.mayWork(user, sid);
    if (q != null && !q.isBlank()) {
      redirect.addFlashAttribute("q", q.strip());
    }
    return "redirect:/admin/sessions/" + sid + "/check-in";
  }

  @PostMapping("/admin/sessions/{id}/check-in")
  String scan(
      @PathVariable String id,
      @AuthenticationPrincipal LecternUser user,
      @RequestParam(required = false) String nonce,
      @RequestParam(required = false) String registration,
      @RequestParam(required = false) String code,
      @RequestParam(required = false) String kind,
      @RequestParam(required = false) String q,
      Ui ui,
      Model model,
      HttpServletResponse response,
      RedirectAttributes redirect) {
    UUID sid = uuid(id);
    boolean byCode = registration == null || registration.isBlank();
    try {
      var result =
          door.scan(
              user,
              sid,
              new CheckInService.Scan(
                  optionalUuid(nonce),
                  byCode ? null : registrationId(registration),
                  byCode ? code : null,
                  "OUT".equals(kind) ? CheckIn.Kind.OUT : CheckIn.Kind.IN));
      redirect.addFlashAttribute("flash", pages.outcome(result, ui));
      var back = UriComponentsBuilder.fromPath("/admin/sessions/" + sid + "/check-in");
      if (byCode) {
        // The next scan goes into the same field: a scanner that types needs it focused.
        redirect.addFlashAttribute("focusCode", true);
      } else if (q != null && !q.isBlank()) {
        redirect.addFlashAttribute("q", q.strip());
      }
      return "redirect:" + back.encode().build().toUriString();
    } catch (CheckInRefused | InvalidInputException e) {
      response.setStatus(e instanceof CheckInRefused ? 409 : 422);
      return render(user, sid, byCode ? null : q, byCode ? code : "", e, byCode, byCode, ui, model);
    }
  }

  private String render(
      LecternUser user,
      UUID sid,
      String q,
      String code,
      DomainException problem,
      boolean problemOnCode,
      boolean focusCode,
      Ui ui,
      Model model) {
    DoorList list = door.list(user, sid, q, ui.locale());
    model.addAttribute(
        "page", pages.door(list, q, code, problem, problemOnCode, focusCode, clock.instant(), ui));
    return "attendance/check-in";
  }

  private static UUID uuid(String id) {
    try {
      return UUID.fromString(id);
    } catch (IllegalArgumentException e) {
      throw new NotFoundException("error.notFound");
    }
  }

  private static UUID registrationId(String id) {
    UUID parsed = optionalUuid(id);
    if (parsed == null) {
      throw InvalidInputException.of("registrationId", "attendance.checkin.unknownDelegate");
    }
    return parsed;
  }

  /**
   * A form made before this page (or by hand) may lack a nonce: then the scan is not repeatable.
   */
  private static UUID optionalUuid(String value) {
    try {
      return value == null || value.isBlank() ? null : UUID.fromString(value.strip());
    } catch (IllegalArgumentException e) {
      return null;
    }
  }
}
