package org.lectern.identity;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The back-office sign-in page (the form posts to Spring Security). */
@Controller
class LoginController {

  @GetMapping("/login")
  String login(
      @RequestParam(required = false) String error,
      @RequestParam(required = false) String logout,
      @RequestParam(required = false) String ended,
      @RequestParam(required = false) String reset,
      Model model) {
    model.addAttribute(
        "page",
        new LoginPage(
            error != null,
            logout != null,
            ended != null,
            reset != null,
            org.lectern.shared.web.FormErrors.none()));
    return "identity/login";
  }
}
