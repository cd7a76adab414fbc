package org.lectern.admin;

import static org.lectern.admin.AdminResponses.redirect;

import java.util.List;
import java.util.UUID;
import org.lectern.admin.AdminViews.ProposalRow;
import org.lectern.admin.AdminViews.ProposalsPage;
import org.lectern.identity.LecternUser;
import org.lectern.organisation.OrganisationService;
import org.lectern.programme.PartnerProposal;
import org.lectern.programme.PartnerRole;
import org.lectern.programme.ProgrammePartners;
import org.lectern.programme.ProgrammeService;
import org.lectern.shared.web.Ui;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * An organisation's administrators answer the proposals to name their organisation on other
 * organisations' programmes: accept (it is named, a co-organiser's members run the programme) or
 * decline (deleted), and withdraw its name from a programme it accepted (the partner leaves).
 * Anyone else meets 404, as for an organisation that does not exist (ADR 0010).
 */
@Controller
record PartnerProposalsController(
    ProgrammeService programmes, ProgrammePartners partners, OrganisationService organisations) {

  @GetMapping("/admin/organisations/{id}/partner-proposals")
  String page(
      @PathVariable String id, @AuthenticationPrincipal LecternUser user, Ui ui, Model model) {
    UUID org = Ids.parse(id);
    var rows = rows(partners.proposalsTo(user, org), ui);
    // The programmes that name it with its agreement: it may withdraw its name from each.
    var named = rows(partners.partnershipsOf(user, org), ui);
    var own = organisations.find(org).orElseThrow();
    model.addAttribute(
        "page",
        new ProposalsPage(org.toString(), own.name().show(ui.lang(), List.of()), rows, named));
    return "admin/partnerProposals";
  }

  private List<ProposalRow> rows(List<PartnerProposal> list, Ui ui) {
    return list.stream()
        .map(
            x -> {
              var p = programmes.find(x.programmeId()).orElseThrow();
              var host = organisations.find(p.organisationId()).orElseThrow();
              var ack = x.partner().acknowledgement();
              return new ProposalRow(
                  p.id().toString(),
                  p.title().show(ui.lang(), p.languages()),
                  host.name().show(ui.lang(), p.languages()),
                  x.partner().role().name(),
                  ack.isEmpty() ? null : ack.show(ui.lang(), p.languages()));
            })
        .toList();
  }

  @PostMapping("/admin/organisations/{id}/partner-proposals/accept")
  String accept(
      @PathVariable String id,
      @AuthenticationPrincipal LecternUser user,
      @RequestParam(required = false) String programmeId,
      @RequestParam(required = false) String role,
      Ui ui,
      RedirectAttributes redirect) {
    UUID org = Ids.parse(id);
    partners.acceptProposal(user, org, Ids.orNull(programmeId), role(role));
    return redirect(
        "/admin/organisations/" + org + "/partner-proposals",
        ui.t("admin.proposals.accepted"),
        redirect);
  }

  @PostMapping("/admin/organisations/{id}/partner-proposals/decline")
  String decline(
      @PathVariable String id,
      @AuthenticationPrincipal LecternUser user,
      @RequestParam(required = false) String programmeId,
      @RequestParam(required = false) String role,
      Ui ui,
      RedirectAttributes redirect) {
    UUID org = Ids.parse(id);
    boolean left = partners.declineProposal(user, org, Ids.orNull(programmeId), role(role));
    return redirect(
        "/admin/organisations/" + org + "/partner-proposals",
        ui.t(left ? "admin.proposals.left" : "admin.proposals.declined"),
        redirect);
  }

  private static PartnerRole role(String s) {
    try {
      return s == null ? null : PartnerRole.valueOf(s);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }
}
