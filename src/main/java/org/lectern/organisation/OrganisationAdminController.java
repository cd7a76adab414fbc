package org.lectern.organisation;

import jakarta.servlet.http.HttpServletResponse;
import org.lectern.identity.LecternUser;
import org.lectern.organisation.OrganisationViews.OrganisationForm;
import org.lectern.shared.error.ForbiddenException;
import org.lectern.shared.error.InvalidInputException;
import org.lectern.shared.web.FormData;
import org.lectern.shared.web.FormErrors;
import org.lectern.shared.web.Ui;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The organisations list, the set-up page (the first thing a platform administrator sees on a new
 * installation) and each organisation's settings page.
 */
@Controller
record OrganisationAdminController(
    OrganisationService organisations, OrganisationPages pages, TransactionTemplate transactions) {

  private static final String LIST = "organisation/list";
  private static final String FORM = "organisation/settings";

  @GetMapping("/admin/organisations")
  String list(@AuthenticationPrincipal LecternUser user, Ui ui, Model model) {
    model.addAttribute("page", pages.list(user, ui));
    return LIST;
  }

  @GetMapping("/admin/organisations/new")
  String newForm(@AuthenticationPrincipal LecternUser user, Ui ui, Model model) {
    requirePlatformAdmin(user);
    model.addAttribute(
        "page", pages.newOrganisation(OrganisationForm.blank(), FormErrors.none(), ui));
    return FORM;
  }

  @PostMapping("/admin/organisations")
  String create(
      @AuthenticationPrincipal LecternUser user,
      @RequestParam MultiValueMap<String, String> params,
      @RequestParam(required = false) MultipartFile logo,
      Ui ui,
      Model model,
      HttpServletResponse response,
      RedirectAttributes redirect) {
    requirePlatformAdmin(user);
    OrganisationForm form = OrganisationForm.from(new FormData(params));
    try {
      // The organisation and its logo are saved together, or not at all.
      Organisation o =
          transactions.execute(
              s -> {
                var problems = new InvalidInputException.Collector();
                OrganisationLogo checked = checkLogo(logo, problems);
                var settings = pages.validate(form, problems);
                Organisation created = organisations.create(user, form.slug(), settings);
                if (checked != null) {
                  organisations.setLogo(user, created.id(), checked);
                }
                return created;
              });
      redirect.addFlashAttribute("flash", ui.t("organisation.created"));
      return "redirect:/admin/organisations/" + o.id() + "/settings";
    } catch (InvalidInputException e) {
      response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
      model.addAttribute("page", pages.newOrganisation(form, FormErrors.of(e, ui), ui));
      return FORM;
    }
  }

  @GetMapping("/admin/organisations/{id}/settings")
  String settings(
      @PathVariable String id, @AuthenticationPrincipal LecternUser user, Ui ui, Model model) {
    Organisation o = organisations.administrable(user, OrganisationApiController.pathId(id));
    model.addAttribute("page", pages.settings(o, OrganisationForm.of(o), FormErrors.none(), ui));
    return FORM;
  }

  @PostMapping("/admin/organisations/{id}/settings")
  String save(
      @PathVariable String id,
      @AuthenticationPrincipal LecternUser user,
      @RequestParam MultiValueMap<String, String> params,
      @RequestParam(required = false) MultipartFile logo,
      Ui ui,
      Model model,
      HttpServletResponse response,
      RedirectAttributes redirect) {
    Organisation o = organisations.administrable(user, OrganisationApiController.pathId(id));
    FormData data = new FormData(params);
    OrganisationForm form = OrganisationForm.from(data);
    try {
      transactions.executeWithoutResult(
          s -> {
            var problems = new InvalidInputException.Collector();
            OrganisationLogo checked = checkLogo(logo, problems);
            var settings = pages.validate(form, problems);
            organisations.update(user, o.id(), settings);
            if (checked != null) {
              organisations.setLogo(user, o.id(), checked);
            } else if (data.checked("removeLogo")) {
              organisations.setLogo(user, o.id(), null);
            }
          });
      redirect.addFlashAttribute("flash", ui.t("organisation.saved"));
      return "redirect:/admin/organisations/" + o.id() + "/settings";
    } catch (InvalidInputException e) {
      response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
      model.addAttribute("page", pages.settings(o, form, FormErrors.of(e, ui), ui));
      return FORM;
    }
  }

  // The logo's own problem is reported with the form's, so one round trip shows them all.
  private static OrganisationLogo checkLogo(
      MultipartFile logo, InvalidInputException.Collector problems) {
    if (logo == null || logo.isEmpty()) {
      return null;
    }
    try {
      return OrganisationLogo.read(Uploads.of(logo));
    } catch (InvalidInputException e) {
      e.fields().forEach(f -> problems.add(f.field(), f.code(), f.args()));
      return null;
    }
  }

  private static void requirePlatformAdmin(LecternUser user) {
    if (user == null || !user.platformAdmin()) {
      throw new ForbiddenException("organisation.createForbidden");
    }
  }
}
