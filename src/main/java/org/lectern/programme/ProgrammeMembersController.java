package org.lectern.programme;

import jakarta.servlet.http.HttpServletResponse;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.lectern.identity.LecternUser;
import org.lectern.programme.MembersPage.MemberForm;
import org.lectern.programme.MembersPage.MemberRow;
import org.lectern.programme.MembersPage.PartnerMemberRow;
import org.lectern.shared.error.ConflictException;
import org.lectern.shared.error.DomainException;
import org.lectern.shared.error.InvalidInputException;
import org.lectern.shared.error.NotFoundException;
import org.lectern.shared.time.TimeFormat;
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
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Back office: organisers give a person with an account a role on a programme or take it away — how
 * funders get their view of the report.
 */
@Controller
record ProgrammeMembersController(ProgrammeService programmes, ProgrammeMembers members) {

  @GetMapping("/admin/programmes/{id}/members")
  String members(
      @PathVariable UUID id,
      @RequestParam(required = false) String granted,
      @AuthenticationPrincipal LecternUser actor,
      Ui ui,
      Model model) {
    var p = programmes.manageable(actor, id);
    model.addAttribute(
        "page",
        page(actor, p, ui, new MemberForm("", "FUNDER"), FormErrors.none(), granted != null, null));
    return "programme/members";
  }

  @PostMapping("/admin/programmes/{id}/members")
  @org.lectern.identity.FreshSecondFactor
  String grant(
      @PathVariable UUID id,
      @RequestParam(defaultValue = "") String email,
      @RequestParam(defaultValue = "") String role,
      @AuthenticationPrincipal LecternUser actor,
      Ui ui,
      Model model,
      HttpServletResponse response) {
    var p = programmes.manageable(actor, id);
    var form = new MemberForm(email.strip(), role);
    try {
      var problems = new InvalidInputException.Collector();
      // An account of another organisation only is "no account with this address" (ADR 0010).
      var user = programmes.grantee(actor, p, form.email()).orElse(null);
      problems.check(user != null, "email", "programme.members.unknown");
      problems.check(roleOf(role) != null, "role", "validation.choice");
      problems.throwIfAny();
      programmes.grant(actor, id, user.id(), ProgrammeRole.valueOf(role));
    } catch (DomainException e) {
      response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
      model.addAttribute("page", page(actor, p, ui, form, FormErrors.of(e, ui), false, null));
      return "programme/members";
    }
    return "redirect:/admin/programmes/" + id + "/members?granted";
  }

  /**
   * Takes a role away and comes back to the list with a note; the list again with the reason when
   * refused (the person no longer holds the role: 404; the last organiser: 409).
   */
  @PostMapping("/admin/programmes/{id}/members/revoke")
  String revoke(
      @PathVariable UUID id,
      @RequestParam(defaultValue = "") String userId,
      @RequestParam(defaultValue = "") String role,
      @AuthenticationPrincipal LecternUser actor,
      Ui ui,
      Model model,
      HttpServletResponse response,
      RedirectAttributes redirect) {
    var p = programmes.manageable(actor, id);
    ProgrammeMember revoked;
    try {
      revoked = members.revoke(actor, id, uuidOf(userId), roleOf(role));
    } catch (NotFoundException | ConflictException e) {
      response.setStatus(
          e instanceof ConflictException
              ? HttpStatus.CONFLICT.value()
              : HttpStatus.NOT_FOUND.value());
      model.addAttribute(
          "page",
          page(
              actor,
              p,
              ui,
              new MemberForm("", "FUNDER"),
              FormErrors.none(),
              false,
              ui.t(e.code(), e.args())));
      return "programme/members";
    }
    redirect.addFlashAttribute(
        "flash",
        ui.t(
            "programme.members.revoked",
            revoked.fullName(),
            ui.t("programme.role." + revoked.role().name())));
    // An organiser who took their own role away may no longer see this page.
    return programmes.canManage(actor, p)
        ? "redirect:/admin/programmes/" + id + "/members"
        : "redirect:/admin";
  }

  private MembersPage page(
      LecternUser actor,
      Programme p,
      Ui ui,
      MemberForm form,
      FormErrors errors,
      boolean granted,
      String revokeError) {
    ZoneId zone = ui.zoneOr(p.timeZone());
    List<MemberRow> rows =
        members.list(actor, p.id(), Integer.MAX_VALUE, 0).items().stream()
            .map(
                m -> {
                  String role = ui.t("programme.role." + m.role().name());
                  return new MemberRow(
                      m.userId().toString(),
                      m.fullName(),
                      m.email(),
                      m.role().name(),
                      role,
                      TimeFormat.iso(m.grantedAt(), zone),
                      ui.time().date(m.grantedAt(), zone),
                      ui.t("programme.members.revokeWhose", m.fullName(), role));
                })
            .toList();
    List<PartnerMemberRow> viaPartners =
        members.viaPartners(actor, p.id()).stream()
            .map(
                m ->
                    new PartnerMemberRow(
                        m.fullName(), m.email(), m.partner().show(ui.lang(), p.languages())))
            .toList();
    return new MembersPage(
        p.id().toString(),
        p.title().in(ui.lang(), p.languages()),
        rows,
        viaPartners,
        form,
        errors,
        granted,
        revokeError);
  }

  private static ProgrammeRole roleOf(String role) {
    return Arrays.stream(ProgrammeRole.values())
        .filter(r -> r.name().equals(role))
        .findFirst()
        .orElse(null);
  }

  private static UUID uuidOf(String id) {
    try {
      return UUID.fromString(id);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }
}
