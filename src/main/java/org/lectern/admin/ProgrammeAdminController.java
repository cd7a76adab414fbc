package org.lectern.admin;

import static org.lectern.admin.AdminResponses.redirect;

import java.util.UUID;
import org.lectern.identity.LecternUser;
import org.lectern.organisation.Organisation;
import org.lectern.organisation.OrganisationService;
import org.lectern.programme.PartnerRole;
import org.lectern.programme.Programme;
import org.lectern.programme.ProgrammeInput;
import org.lectern.programme.ProgrammePartners;
import org.lectern.programme.ProgrammeService;
import org.lectern.shared.error.ConflictException;
import org.lectern.shared.error.DomainException;
import org.lectern.shared.error.ForbiddenException;
import org.lectern.shared.error.InvalidInputException;
import org.lectern.shared.error.NotFoundException;
import org.lectern.shared.text.Slugs;
import org.lectern.shared.web.FormErrors;
import org.lectern.shared.web.FormPost;
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
 * Creating, changing (the settings page), publishing programmes and naming their partners. The
 * programme's overview and menu pages are {@link ProgrammeOverviewController}'s.
 */
@Controller
record ProgrammeAdminController(
    ProgrammeService programmes,
    ProgrammePartners partners,
    OrganisationService organisations,
    AdminPages pages) {

  private static final String VIEW = "admin/programme";

  @GetMapping("/admin/programmes/new")
  String newForm(@AuthenticationPrincipal LecternUser user, Ui ui, Model model) {
    var orgs = pages.ownOrganisations(user, ui);
    mayCreateSomewhere(orgs);
    // With several organisations the organiser chooses; with one it is the default.
    var form = ProgrammeForm.blank(orgs.size() == 1 ? orgs.get(0).value() : "");
    model.addAttribute("page", pages.newProgramme(user, form, FormErrors.none(), ui));
    return VIEW;
  }

  @PostMapping("/admin/programmes")
  String create(@AuthenticationPrincipal LecternUser user, FormPost post) {
    Ui ui = post.ui();
    mayCreateSomewhere(pages.ownOrganisations(user, ui));
    ProgrammeForm form = ProgrammeForm.from(post.data());
    try {
      var problems = new InvalidInputException.Collector();
      UUID org = Ids.orNull(form.organisationId());
      ProgrammeInput in = ProgrammeInput.validate(form.toRaw(problems), problems);
      // Without a choice the programme goes to the organiser's only organisation, if one.
      Programme p = programmes.create(user, org, in);
      return post.redirect("/admin/programmes/" + p.id(), ui.t("admin.programme.created"));
    } catch (DomainException e) {
      if (e instanceof ForbiddenException || e instanceof NotFoundException) {
        throw e;
      }
      var page = pages.newProgramme(user, form, FormErrors.of(e, ui), ui);
      return post.redraw(e, page, VIEW);
    }
  }

  @PostMapping("/admin/programmes/{id}")
  String update(@PathVariable String id, @AuthenticationPrincipal LecternUser user, FormPost post) {
    Ui ui = post.ui();
    Programme p = programmes.manageable(user, Ids.parse(id));
    mayCreateSomewhere(pages.ownOrganisations(user, ui));
    ProgrammeForm form = ProgrammeForm.from(post.data());
    try {
      var problems = new InvalidInputException.Collector();
      ProgrammeInput in = ProgrammeInput.validate(form.toRaw(problems), problems);
      programmes.update(user, p.id(), in, form.expectedVersion());
      return post.redirect("/admin/programmes/" + p.id() + "/settings", ui.t("admin.saved"));
    } catch (InvalidInputException | ConflictException e) {
      var page = pages.programme(p, form, FormErrors.of(e, ui), null, ui);
      return post.redraw(e, page, VIEW);
    }
  }

  @PostMapping("/admin/programmes/{id}/partners")
  String putPartner(
      @PathVariable String id, @AuthenticationPrincipal LecternUser user, FormPost post) {
    Ui ui = post.ui();
    Programme p = programmes.manageable(user, Ids.parse(id));
    PartnerForm form = PartnerForm.from(post.data());
    try {
      if (form.organisation().isEmpty()) {
        throw InvalidInputException.of("organisation", "validation.required");
      }
      if (!Slugs.isValid(form.organisation())) {
        throw InvalidInputException.of("organisation", "validation.slug");
      }
      // An address name of no organisation is answered as a proposal, and nothing is stored
      // (ProgrammePartners.putPartner with an id of none): the answer does not tell which
      // organisations exist.
      UUID org =
          organisations
              .findBySlug(form.organisation())
              .map(Organisation::id)
              .orElseGet(UUID::randomUUID);
      int position = programmes.partners(p.id()).size();
      var naming = partners.putPartner(user, p.id(), form.toPartner(org, position));
      return post.redirect(
          "/admin/programmes/" + p.id() + "/settings#partners",
          ui.t(
              naming == ProgrammePartners.Naming.NAMED
                  ? "admin.partner.saved"
                  : "admin.partner.proposed"));
    } catch (InvalidInputException e) {
      var partners = pages.partners(p, form, FormErrors.of(e, ui), ui);
      var page = pages.programme(p, ProgrammeForm.of(p), FormErrors.none(), partners, ui);
      return post.redraw(e, page, VIEW);
    }
  }

  /** Programmes belong to an organisation: someone in none (door staff, funders) creates none. */
  private static void mayCreateSomewhere(java.util.List<?> organisations) {
    if (organisations.isEmpty()) {
      throw new ForbiddenException("programme.cannotCreate");
    }
  }

  @PostMapping("/admin/programmes/{id}/partners/remove")
  String removePartner(
      @PathVariable String id,
      @AuthenticationPrincipal LecternUser user,
      @RequestParam(required = false) String organisationId,
      @RequestParam(required = false) String role,
      Ui ui,
      RedirectAttributes redirect) {
    UUID pid = Ids.parse(id);
    // Who may touch the programme is decided before what they sent is read.
    programmes.manageable(user, pid);
    PartnerRole r;
    try {
      r = PartnerRole.valueOf(role == null ? "" : role);
    } catch (IllegalArgumentException e) {
      throw new NotFoundException("error.notFound");
    }
    boolean wasPartner = partners.removePartner(user, pid, Ids.parse(organisationId), r);
    return redirect(
        "/admin/programmes/" + pid + "/settings#partners",
        ui.t(wasPartner ? "admin.partner.removed" : "admin.partner.withdrawn"),
        redirect);
  }
}
