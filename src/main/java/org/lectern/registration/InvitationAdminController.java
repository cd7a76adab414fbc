package org.lectern.registration;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import org.lectern.identity.LecternUser;
import org.lectern.programme.Programme;
import org.lectern.programme.ProgrammeService;
import org.lectern.registration.RegistrationViews.InvitationRow;
import org.lectern.registration.RegistrationViews.InvitationsPage;
import org.lectern.shared.error.DomainException;
import org.lectern.shared.error.InvalidInputException;
import org.lectern.shared.web.FormErrors;
import org.lectern.shared.web.Ui;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The organiser's invitation list: upload invitees as CSV, see who opened and who registered. */
@Controller
record InvitationAdminController(InvitationService office, ProgrammeService programmes) {

  @GetMapping("/admin/programmes/{id}/invitations")
  String list(
      @PathVariable UUID id,
      @AuthenticationPrincipal LecternUser actor,
      @RequestParam(required = false) Integer sent,
      Ui ui,
      Model model) {
    String notice = sent == null ? null : ui.t("registration.invite.sent", sent);
    model.addAttribute("page", page(actor, id, FormErrors.none(), notice, ui));
    return "registration/invitations";
  }

  @PostMapping("/admin/programmes/{id}/invitations")
  String upload(
      @PathVariable UUID id,
      @RequestParam(name = "file", required = false) MultipartFile file,
      @AuthenticationPrincipal LecternUser actor,
      Ui ui,
      Model model,
      HttpServletResponse response,
      RedirectAttributes redirect)
      throws IOException {
    try {
      byte[] bytes = file == null ? new byte[0] : file.getBytes();
      int count = office.inviteFromCsv(actor, id, bytes);
      redirect.addAttribute("sent", count);
      return "redirect:/admin/programmes/" + id + "/invitations";
    } catch (InvalidInputException e) {
      response.setStatus(422);
      model.addAttribute("page", page(actor, id, FormErrors.of(e, ui), null, ui));
      return "registration/invitations";
    } catch (DomainException e) {
      throw e;
    }
  }

  private InvitationsPage page(
      LecternUser actor, UUID id, FormErrors errors, String notice, Ui ui) {
    Programme p = programmes.manageable(actor, id);
    ZoneId zone = ui.zoneOr(p.timeZone());
    List<InvitationRow> rows =
        office.list(actor, id).stream()
            .map(
                s ->
                    new InvitationRow(
                        s.fullName(),
                        s.email(),
                        s.language(),
                        when(s.invitedAt(), zone, ui),
                        when(s.openedAt(), zone, ui),
                        when(s.registeredAt(), zone, ui)))
            .toList();
    int opened = (int) rows.stream().filter(r -> !r.opened().isEmpty()).count();
    int registered = (int) rows.stream().filter(r -> !r.registered().isEmpty()).count();
    return new InvitationsPage(
        id.toString(),
        p.title().show(ui.lang(), p.languages()),
        rows,
        opened,
        registered,
        errors,
        notice);
  }

  private static String when(Instant at, ZoneId zone, Ui ui) {
    return at == null ? "" : ui.time().dateTime(at, zone);
  }
}
