package org.lectern.identity;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.lectern.shared.error.DomainException;
import org.lectern.shared.error.InvalidInputException;
import org.lectern.shared.error.NotFoundException;
import org.lectern.shared.limit.TooManyRequestsException;
import org.lectern.shared.web.FormErrors;
import org.lectern.shared.web.FormRefusal;
import org.lectern.shared.web.Ui;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** "Forgot your password?": ask for a link by e-mail, then choose a new password with it. */
@Controller
record PasswordResetController(PasswordResets resets, ResetLimits limits) {

  @GetMapping("/login/forgot")
  String forgot(Model model) {
    model.addAttribute("page", new ForgotPasswordPage("", FormErrors.none(), false, false));
    return "identity/forgot";
  }

  @PostMapping("/login/forgot")
  String ask(
      @RequestParam(defaultValue = "") String email,
      HttpServletRequest req,
      HttpServletResponse res,
      Ui ui,
      Model model) {
    String shown = email.length() > 254 ? email.substring(0, 254) : email.strip();
    try {
      limits.client(req.getRemoteAddr());
    } catch (TooManyRequestsException e) {
      return FormRefusal.redraw(
          e,
          new ForgotPasswordPage(shown, FormErrors.none(), false, true),
          "identity/forgot",
          model,
          res);
    }
    try {
      resets.request(email);
    } catch (InvalidInputException e) {
      res.setStatus(422);
      model.addAttribute("page", new ForgotPasswordPage(shown, FormErrors.of(e, ui), false, false));
      return "identity/forgot";
    }
    model.addAttribute("page", new ForgotPasswordPage("", FormErrors.none(), true, false));
    return "identity/forgot";
  }

  @GetMapping("/password-reset/{token}")
  String form(@PathVariable String token, HttpServletResponse res, Model model) {
    boolean usable = resets.userOf(token).isPresent();
    if (!usable) {
      res.setStatus(404);
    }
    model.addAttribute(
        "page", new ResetPasswordPage(usable ? token : "", FormErrors.none(), !usable));
    return "identity/reset";
  }

  @PostMapping("/password-reset/{token}")
  String reset(
      @PathVariable String token,
      @RequestParam(defaultValue = "") String password,
      HttpServletResponse res,
      Ui ui,
      Model model) {
    try {
      resets.reset(token, password);
    } catch (NotFoundException e) {
      res.setStatus(404);
      model.addAttribute("page", new ResetPasswordPage("", FormErrors.none(), true));
      return "identity/reset";
    } catch (DomainException e) {
      res.setStatus(422);
      model.addAttribute("page", new ResetPasswordPage(token, FormErrors.of(e, ui), false));
      return "identity/reset";
    }
    return "redirect:/login?reset";
  }
}
