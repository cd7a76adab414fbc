package org.lectern.identity;

import org.lectern.shared.error.DomainException;
import org.lectern.shared.web.FormErrors;
import org.lectern.shared.web.Ui;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/** The page behind the invitation link: the invited person chooses a password. */
@Controller
record InvitationController(UserInvitations invitations) {

  @GetMapping("/invitation/{token}")
  String show(@PathVariable String token, Model model) {
    if (invitations.userOf(token).isEmpty()) {
      throw new ResponseStatusException(HttpStatus.NOT_FOUND);
    }
    model.addAttribute("page", new InvitationPage(token, FormErrors.none()));
    return "identity/invitation";
  }

  @PostMapping("/invitation/{token}")
  String accept(
      @PathVariable String token,
      @RequestParam(defaultValue = "") String password,
      Ui ui,
      Model model,
      jakarta.servlet.http.HttpServletResponse response) {
    try {
      invitations.accept(token, password);
    } catch (org.lectern.shared.error.NotFoundException e) {
      // A link that does not exist (or no longer): the same 404 as when it is opened.
      throw e;
    } catch (DomainException e) {
      response.setStatus(422);
      model.addAttribute("page", new InvitationPage(token, FormErrors.of(e, ui)));
      return "identity/invitation";
    }
    return "redirect:/login?invited";
  }
}
