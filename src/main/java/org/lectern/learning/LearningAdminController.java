package org.lectern.learning;

import jakarta.servlet.http.HttpServletResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.lectern.identity.LecternUser;
import org.lectern.shared.error.ConflictException;
import org.lectern.shared.error.InvalidInputException;
import org.lectern.shared.error.NotFoundException;
import org.lectern.shared.web.FormErrors;
import org.lectern.shared.web.Ui;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** Back office: a programme's question bank, its settings, and the results. */
@Controller
record LearningAdminController(
    QuestionBank bank,
    TestResults results,
    SurveyResults surveys,
    FollowUps followUps,
    org.lectern.session.SessionService sessions) {

  /** The follow-up survey's delay in months after the last session. */
  @PostMapping("/admin/programmes/{id}/learning/follow-up")
  String followUp(
      @AuthenticationPrincipal LecternUser user,
      @PathVariable String id,
      @RequestParam(defaultValue = "") String months,
      Model model,
      Ui ui,
      HttpServletResponse response) {
    UUID programmeId = parse(id);
    try {
      followUps.setMonths(user, programmeId, months);
      return "redirect:/admin/programmes/" + programmeId + "/learning?done=followUp";
    } catch (InvalidInputException | ConflictException e) {
      response.setStatus(
          e instanceof ConflictException
              ? HttpStatus.CONFLICT.value()
              : HttpStatus.UNPROCESSABLE_ENTITY.value());
      String page =
          render(
              model,
              ui,
              bank.of(user, programmeId),
              Map.of(),
              FormErrors.none(),
              FormErrors.none(),
              null);
      model.addAttribute("followUp", new FollowUpSettingsView(months, FormErrors.of(e, ui)));
      return page;
    }
  }

  @PostMapping("/admin/programmes/{id}/learning/survey")
  String survey(
      @AuthenticationPrincipal LecternUser user,
      @PathVariable String id,
      @RequestParam(defaultValue = "false") boolean anonymous,
      Model model,
      Ui ui) {
    UUID programmeId = parse(id);
    try {
      surveys.setAnonymous(user, programmeId, anonymous);
      return "redirect:/admin/programmes/" + programmeId + "/learning?done=survey";
    } catch (ConflictException e) {
      return settingsRefused(model, ui, user, programmeId, e);
    }
  }

  @GetMapping("/admin/programmes/{id}/learning")
  String show(
      @AuthenticationPrincipal LecternUser user,
      @PathVariable String id,
      @RequestParam(required = false) String done,
      Model model,
      Ui ui) {
    var b = bank.of(user, parse(id));
    return render(model, ui, b, Map.of(), FormErrors.none(), FormErrors.none(), notice(done));
  }

  @PostMapping("/admin/programmes/{id}/learning/questions")
  String add(
      @AuthenticationPrincipal LecternUser user,
      @PathVariable String id,
      @RequestParam Map<String, String> form,
      Model model,
      Ui ui) {
    UUID programmeId = parse(id);
    try {
      bank.add(user, programmeId, form);
      return "redirect:/admin/programmes/" + programmeId + "/learning?done=added";
    } catch (InvalidInputException | ConflictException e) {
      return render(
          model,
          ui,
          bank.of(user, programmeId),
          form,
          FormErrors.of(e, ui),
          FormErrors.none(),
          null);
    }
  }

  @PostMapping("/admin/programmes/{id}/learning/questions/{qid}/delete")
  String delete(
      @AuthenticationPrincipal LecternUser user,
      @PathVariable String id,
      @PathVariable String qid,
      Model model,
      Ui ui) {
    UUID programmeId = parse(id);
    UUID questionId = QuestionIds.parse(qid, () -> bank.of(user, programmeId));
    try {
      bank.delete(user, programmeId, questionId);
      return "redirect:/admin/programmes/" + programmeId + "/learning?done=deleted";
    } catch (ConflictException e) {
      return render(
          model,
          ui,
          bank.of(user, programmeId),
          Map.of(),
          FormErrors.of(e, ui),
          FormErrors.none(),
          null);
    }
  }

  @PostMapping("/admin/programmes/{id}/learning/settings")
  String settings(
      @AuthenticationPrincipal LecternUser user,
      @PathVariable String id,
      @RequestParam(defaultValue = "") String passMark,
      @RequestParam(defaultValue = "") String postDays,
      Model model,
      Ui ui) {
    UUID programmeId = parse(id);
    try {
      bank.settings(user, programmeId, passMark, postDays);
      return "redirect:/admin/programmes/" + programmeId + "/learning?done=settings";
    } catch (InvalidInputException | ConflictException e) {
      return render(
          model,
          ui,
          bank.of(user, programmeId),
          Map.of("passMark", passMark, "postDays", postDays),
          FormErrors.none(),
          FormErrors.of(e, ui),
          null);
    }
  }

  @PostMapping("/admin/programmes/{id}/learning/open")
  String open(
      @AuthenticationPrincipal LecternUser user,
      @PathVariable String id,
      @RequestParam(defaultValue = "false") boolean open,
      Model model,
      Ui ui) {
    UUID programmeId = parse(id);
    try {
      bank.open(user, programmeId, open);
      return "redirect:/admin/programmes/"
          + programmeId
          + "/learning?done="
          + (open ? "opened" : "closed");
    } catch (ConflictException e) {
      return settingsRefused(model, ui, user, programmeId, e);
    }
  }

  @GetMapping("/admin/programmes/{id}/learning/results")
  String results(
      @AuthenticationPrincipal LecternUser user, @PathVariable String id, Model model, Ui ui) {
    var r = results.of(user, parse(id));
    model.addAttribute(
        "page", LearningPages.results(r, ui, results.canManage(user, r.programme())));
    model.addAttribute("surveys", surveys.of(user, r.programme(), ui));
    model.addAttribute("followUp", followUps.results(user, r.programme(), ui));
    return "learning/results";
  }

  /** The bank page again with the refusal of a setting (survey, opening) above the settings. */
  private String settingsRefused(
      Model model, Ui ui, LecternUser user, UUID programmeId, ConflictException e) {
    var b = bank.of(user, programmeId);
    return render(model, ui, b, Map.of(), FormErrors.none(), FormErrors.of(e, ui), null);
  }

  private String render(
      Model model,
      Ui ui,
      QuestionBank.Bank b,
      Map<String, String> values,
      FormErrors errors,
      FormErrors settingsErrors,
      String notice) {
    model.addAttribute("page", LearningPages.bank(b, values, errors, settingsErrors, notice, ui));
    model.addAttribute("anonymous", surveys.anonymous(b.programme().id()));
    model.addAttribute(
        "sessions",
        sessions.ofProgramme(b.programme().id()).stream()
            .map(
                s ->
                    new SessionLink(
                        s.id().toString(), s.title().in(ui.lang(), b.programme().languages())))
            .toList());
    model.addAttribute(
        "followUp",
        new FollowUpSettingsView(
            String.valueOf(followUps.months(b.programme().id())), FormErrors.none()));
    return "learning/bank";
  }

  private static String notice(String done) {
    List<String> known = new ArrayList<>(List.of("added", "deleted", "settings", "opened"));
    known.addAll(List.of("closed", "survey", "followUp"));
    return done != null && known.contains(done) ? "learning.done." + done : null;
  }

  static UUID parse(String id) {
    try {
      return UUID.fromString(id);
    } catch (IllegalArgumentException e) {
      throw new NotFoundException("programme.notFound");
    }
  }
}
