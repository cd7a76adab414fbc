package org.lectern.attendance.importing;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.lectern.attendance.ProgrammeAttendance;
import org.lectern.attendance.importing.AttendanceViews.PreviewPage;
import org.lectern.attendance.join.JoinWindow;
import org.lectern.attendance.join.LinkSharing;
import org.lectern.attendance.registrants.RegistrantDirectory;
import org.lectern.attendance.results.SessionAttendanceService;
import org.lectern.identity.LecternUser;
import org.lectern.programme.Programme;
import org.lectern.programme.ProgrammeService;
import org.lectern.session.Session;
import org.lectern.session.SessionService;
import org.lectern.shared.error.InvalidInputException;
import org.lectern.shared.error.NotFoundException;
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
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Back office: a session's attendance, and importing a report with preview, review and confirm. */
@Controller
record AttendanceAdminController(
    AttendanceImportService imports,
    SessionAttendanceService attendance,
    ImportRepository store,
    LinkSharing sharing,
    RegistrantDirectory registrations,
    SessionService sessions,
    ProgrammeService programmes,
    AttendancePages pages,
    ProgrammeAttendance programmeAttendance) {

  @GetMapping("/admin/sessions/{id}/attendance")
  String show(
      @PathVariable String id, @AuthenticationPrincipal LecternUser user, Ui ui, Model model) {
    return render(user, uuid(id), null, ui, model);
  }

  @PostMapping("/admin/sessions/{id}/attendance/uploads")
  String upload(
      @PathVariable String id,
      @AuthenticationPrincipal LecternUser user,
      @RequestParam(name = "file", required = false) MultipartFile file,
      Ui ui,
      Model model,
      HttpServletResponse response) {
    UUID sid = uuid(id);
    if (file == null || file.isEmpty()) {
      response.setStatus(422);
      return render(user, sid, ui.t("attendance.upload.choose"), ui, model);
    }
    try {
      UUID upload = imports.upload(user, sid, file.getOriginalFilename(), file.getBytes());
      return "redirect:/admin/sessions/" + sid + "/attendance/uploads/" + upload;
    } catch (ImportRefused e) {
      response.setStatus(422);
      return render(user, sid, ImportMessages.of(e, ui::t), ui, model);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @GetMapping("/admin/sessions/{id}/attendance/uploads/{upload}")
  String preview(
      @PathVariable String id,
      @PathVariable String upload,
      @AuthenticationPrincipal LecternUser user,
      Ui ui,
      Model model,
      HttpServletResponse response) {
    return renderPreview(user, uuid(id), uuid(upload), ui, model, response);
  }

  @PostMapping("/admin/sessions/{id}/attendance/uploads/{upload}/choices")
  String choose(
      @PathVariable String id,
      @PathVariable String upload,
      @AuthenticationPrincipal LecternUser user,
      @RequestParam MultiValueMap<String, String> form) {
    UUID sid = uuid(id);
    UUID uid = uuid(upload);
    var choices =
        ImportChoices.parse(
            form.getFirst("timeZone"), form.getFirst("dayOrder"), form.getFirst("meeting"));
    imports.choose(user, sid, uid, choices);
    return "redirect:/admin/sessions/" + sid + "/attendance/uploads/" + uid;
  }

  @PostMapping("/admin/sessions/{id}/attendance/uploads/{upload}/confirm")
  String confirm(
      @PathVariable String id,
      @PathVariable String upload,
      @AuthenticationPrincipal LecternUser user,
      @RequestParam MultiValueMap<String, String> form,
      Ui ui,
      Model model,
      HttpServletResponse response,
      RedirectAttributes redirect) {
    UUID sid = uuid(id);
    List<Resolution> answers = new ArrayList<>();
    form.forEach(
        (k, v) -> {
          if (k.startsWith("choice.") && k.substring(7).matches("\\d{1,6}")) {
            Resolution.parse(Integer.parseInt(k.substring(7)), v.get(0)).ifPresent(answers::add);
          }
        });
    try {
      var s = imports.confirm(user, sid, uuid(upload), answers);
      redirect.addFlashAttribute(
          "flash",
          s.repeated()
              ? ui.t("attendance.import.repeated")
              : ui.t("attendance.import.done", s.participants(), s.matched(), s.unmatched()));
      return "redirect:/admin/sessions/" + sid + "/attendance";
    } catch (InvalidInputException e) {
      // A decision naming a registration the preview did not offer (gone meanwhile, or of another
      // programme): nothing is recorded, and the preview says so with 422, as any refused form.
      String view = renderPreview(user, sid, uuid(upload), ui, model, response);
      if (model.getAttribute("page") instanceof PreviewPage page) {
        response.setStatus(422);
        model.addAttribute(
            "page", page.withProblem(ui.t(e.fields().get(0).code(), e.fields().get(0).args())));
      }
      return view;
    }
  }

  private String render(LecternUser user, UUID sid, String problem, Ui ui, Model model) {
    Session s = sessions.manageable(user, sid);
    Programme p = programmes.manageable(user, s.programmeId());
    Map<UUID, String> names = new HashMap<>();
    registrations.of(p.id()).forEach(r -> names.put(r.id(), r.fullName()));
    model.addAttribute(
        "page",
        pages.session(
            p,
            s,
            attendance.list(user, sid),
            sharing.flags(s.id(), JoinWindow.of(s)),
            names,
            store.countImports(s.id()),
            imports.maxBytes(),
            problem,
            ui));
    // Delegates credited for this session by its recording and quiz, not by the minutes above.
    model.addAttribute(
        "byRecording",
        programmeAttendance.byRecording(p.id()).entrySet().stream()
            .filter(e -> e.getValue().contains(sid))
            .map(e -> names.getOrDefault(e.getKey(), "—"))
            .sorted()
            .toList());
    return "attendance/session";
  }

  private String renderPreview(
      LecternUser user, UUID sid, UUID uid, Ui ui, Model model, HttpServletResponse response) {
    Session s = sessions.manageable(user, sid);
    Programme p = programmes.manageable(user, s.programmeId());
    try {
      var preview = imports.preview(user, sid, uid);
      model.addAttribute("page", pages.preview(p, s, preview, ui));
      return "attendance/preview";
    } catch (ImportRefused e) {
      response.setStatus(422);
      var pending = imports.pending(user, sid, uid);
      if (e.choiceNeeded()) {
        model.addAttribute(
            "page", pages.choice(p, s, uid, pending.fileName(), e, pending.choices(), ui));
        return "attendance/choice";
      }
      model.addAttribute("page", pages.unreadable(p, s, pending.fileName(), e, ui));
      return "attendance/unreadable";
    }
  }

  private static UUID uuid(String id) {
    try {
      return UUID.fromString(id);
    } catch (IllegalArgumentException e) {
      throw new NotFoundException("error.notFound");
    }
  }
}
