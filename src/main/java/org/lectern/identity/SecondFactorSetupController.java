package org.lectern.identity;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.util.List;
import org.lectern.shared.error.DomainException;
import org.lectern.shared.error.InvalidInputException;
import org.lectern.shared.web.FormErrors;
import org.lectern.shared.web.FormRefusal;
import org.lectern.shared.web.Ui;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * "Second factor" under the person's account: set up an authenticator app (confirmed with a first
 * code), see the recovery codes once, make new ones, remove the app. Passkeys are added and removed
 * on the same page ({@link PasskeySetupController}).
 */
@Controller
record SecondFactorSetupController(
    SecondFactors factors, SecondFactorSetupPages pages, Clock clock) {

  private static final String VIEW = "identity/second-factor-setup";

  @GetMapping(SignInSuccess.ENROL)
  String show(
      @AuthenticationPrincipal LecternUser user,
      @RequestParam(required = false) String done,
      Ui ui,
      Model model) {
    String notice =
        switch (done == null ? "" : done) {
          case "removed" -> ui.t("identity.factor.removed");
          case "passkeyRemoved" -> ui.t("identity.passkey.removed");
          default -> null;
        };
    model.addAttribute("page", page(user, ui, List.of(), FormErrors.none(), notice));
    return VIEW;
  }

  @PostMapping(SignInSuccess.ENROL)
  String confirm(
      @AuthenticationPrincipal LecternUser user,
      @RequestParam(defaultValue = "") String code,
      HttpServletRequest req,
      HttpServletResponse res,
      Ui ui,
      Model model) {
    try {
      if (code.isBlank()) {
        throw InvalidInputException.of("code", "validation.required");
      }
      List<String> codes = factors.confirm(user, code);
      // Showing a first code proves the factor: the session is through, and fresh.
      SignInState.verified(clock.instant()).store(req.getSession());
      req.changeSessionId();
      model.addAttribute(
          "page", page(user, ui, codes, FormErrors.none(), ui.t("identity.factor.enrolled")));
    } catch (DomainException e) {
      var problem = e.fields().isEmpty() ? InvalidInputException.of("code", e.code()) : e;
      return FormRefusal.redraw(
          e, page(user, ui, List.of(), FormErrors.of(problem, ui), null), VIEW, model, res);
    }
    return VIEW;
  }

  @PostMapping(SignInSuccess.ENROL + "/recovery-codes")
  @FreshSecondFactor
  String renew(@AuthenticationPrincipal LecternUser user, Ui ui, Model model) {
    List<String> codes = factors.renewRecoveryCodes(user);
    model.addAttribute(
        "page", page(user, ui, codes, FormErrors.none(), ui.t("identity.factor.renewed")));
    return VIEW;
  }

  @PostMapping(SignInSuccess.ENROL + "/remove")
  @FreshSecondFactor
  String remove(@AuthenticationPrincipal LecternUser user, HttpServletRequest req) {
    factors.remove(user);
    if (factors.required(user) && !factors.enrolled(user.id())) {
      new SignInState(SignInState.Stage.ENROL, null).store(req.getSession());
    }
    return "redirect:" + SignInSuccess.ENROL + "?done=removed";
  }

  private SecondFactorSetupPage page(
      LecternUser user, Ui ui, List<String> codes, FormErrors errors, String notice) {
    return pages.page(user, ui, codes, errors, notice);
  }
}
