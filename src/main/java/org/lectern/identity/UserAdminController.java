package org.lectern.identity;

import org.lectern.identity.UsersPage.UserForm;
import org.lectern.shared.error.InvalidInputException;
import org.lectern.shared.web.FormErrors;
import org.lectern.shared.web.Ui;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Back office: administrators create accounts; the person receives an e-mail to choose a password.
 */
@Controller
record UserAdminController(UserService users) {

  @GetMapping("/admin/users")
  String users(
      @RequestParam(required = false) String created,
      @AuthenticationPrincipal LecternUser actor,
      Model model) {
    requireAdmin(actor);
    model.addAttribute(
        "page", new UsersPage(new UserForm("", "", "ru"), FormErrors.none(), created));
    return "identity/users";
  }

  @PostMapping("/admin/users")
  String createUser(
      @RequestParam(defaultValue = "") String email,
      @RequestParam(defaultValue = "") String fullName,
      @RequestParam(defaultValue = "en") String language,
      @AuthenticationPrincipal LecternUser actor,
      Ui ui,
      Model model) {
    var form = new UserForm(email.strip(), fullName.strip(), language);
    try {
      users.createAccount(actor, form.email(), form.fullName(), null, language);
    } catch (InvalidInputException | org.lectern.shared.error.ConflictException e) {
      model.addAttribute("page", new UsersPage(form, FormErrors.of(e, ui), null));
      return "identity/users";
    }
    return "redirect:/admin/users?created="
        + org.springframework.web.util.UriUtils.encode(form.email(), "UTF-8");
  }

  private void requireAdmin(LecternUser actor) {
    if (!users.mayCreateAccounts(actor)) {
      throw new org.lectern.shared.error.ForbiddenException("identity.users.forbidden");
    }
  }
}
