package org.lectern.attendance.results;

import jakarta.servlet.http.HttpServletResponse;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.lectern.attendance.CompletionRule;
import org.lectern.attendance.ProgrammeAttendance;
import org.lectern.attendance.importing.AttendanceViews.CompletionRow;
import org.lectern.attendance.importing.AttendanceViews.SettingsPage;
import org.lectern.attendance.join.ProviderSettings;
import org.lectern.attendance.join.ProviderSettingsRepository;
import org.lectern.attendance.registrants.RegistrantDirectory;
import org.lectern.audit.AuditLog;
import org.lectern.identity.LecternUser;
import org.lectern.programme.Programme;
import org.lectern.programme.ProgrammeService;
import org.lectern.shared.database.Transactions;
import org.lectern.shared.error.InvalidInputException;
import org.lectern.shared.error.NotFoundException;
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
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Back office: a programme's completion rule, video servers, and who has completed it. */
@Controller
record AttendanceSettingsController(
    ProgrammeService programmes,
    CompletionRuleRepository rules,
    ProviderSettingsRepository providers,
    ProgrammeAttendance attendance,
    RegistrantDirectory registrations,
    AuditLog audit,
    Transactions transactions) {

  @GetMapping("/admin/programmes/{id}/attendance")
  String show(
      @PathVariable String id, @AuthenticationPrincipal LecternUser user, Ui ui, Model model) {
    Programme p = programmes.manageable(user, uuid(id));
    var form = SettingsForm.of(rules.of(p.id()), providers.of(p.id()));
    return render(user, p, form, FormErrors.none(), ui, model);
  }

  @PostMapping("/admin/programmes/{id}/attendance")
  String save(
      @PathVariable String id,
      @AuthenticationPrincipal LecternUser user,
      @RequestParam MultiValueMap<String, String> params,
      Ui ui,
      Model model,
      HttpServletResponse response,
      RedirectAttributes redirect) {
    return transactions.result(
        () -> {
          Programme p = programmes.manageable(user, uuid(id));
          SettingsForm form = SettingsForm.from(new FormData(params));
          try {
            var problems = new InvalidInputException.Collector();
            CompletionRule rule = null;
            ProviderSettings settings = null;
            try {
              rule = form.rule();
            } catch (InvalidInputException e) {
              e.fields().forEach(f -> problems.add(f.field(), f.code(), f.args()));
            }
            try {
              settings = form.providers();
            } catch (InvalidInputException e) {
              e.fields().forEach(f -> problems.add(f.field(), f.code(), f.args()));
            }
            problems.throwIfAny();
            rules.save(p.id(), rule);
            providers.save(p.id(), settings);
            redirect.addFlashAttribute("flash", ui.t("attendance.settings.saved"));
            return "redirect:/admin/programmes/" + p.id() + "/attendance";
          } catch (InvalidInputException e) {
            response.setStatus(422);
            return render(user, p, form, FormErrors.of(e, ui), ui, model);
          }
        });
  }

  private String render(
      LecternUser user, Programme p, SettingsForm form, FormErrors errors, Ui ui, Model model) {
    Map<UUID, String> names = new HashMap<>();
    registrations.of(p.id()).forEach(r -> names.put(r.id(), r.fullName()));
    var byRecording = attendance.byRecording(p.id());
    var rows =
        attendance.completionOf(p.id()).stream()
            .map(
                c ->
                    new CompletionRow(
                        names.getOrDefault(c.registrationId(), ""),
                        c.sessionsAttended(),
                        c.sessionsRequired(),
                        c.minutes(),
                        c.completed(),
                        byRecording.getOrDefault(c.registrationId(), java.util.Set.of()).size()))
            .toList();
    audit.record(
        new AuditLog.Record(
            user.id(),
            user.fullName(),
            "attendance.completionListed",
            p.organisationId(),
            "programme",
            p.id().toString(),
            rows.size(),
            null));
    model.addAttribute(
        "page",
        new SettingsPage(
            p.id().toString(),
            p.title(ui.lang()),
            form,
            providers.of(p.id()).bbbSecret() != null,
            errors,
            rows));
    return "attendance/settings";
  }

  private static UUID uuid(String id) {
    try {
      return UUID.fromString(id);
    } catch (IllegalArgumentException e) {
      throw new NotFoundException("programme.notFound");
    }
  }
}
