package org.lectern.identity;

import java.util.UUID;
import org.lectern.shared.error.InvalidInputException;
import org.lectern.shared.error.NotFoundException;
import org.lectern.shared.web.Ui;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The second-factor rule form on an organisation's settings page (a sensitive change). */
@Controller
record SecondFactorPolicyController(SecondFactorRules rules) {

  @PostMapping("/admin/organisations/{id}/second-factor")
  @FreshSecondFactor
  String save(
      @AuthenticationPrincipal LecternUser user,
      @PathVariable String id,
      @RequestParam(defaultValue = "") String secondFactor,
      Ui ui,
      RedirectAttributes redirect) {
    UUID organisation;
    try {
      organisation = UUID.fromString(id);
    } catch (IllegalArgumentException e) {
      throw new NotFoundException("organisation.notFound");
    }
    var policy =
        SecondFactorPolicy.parse(secondFactor)
            .orElseThrow(() -> InvalidInputException.of("secondFactor", "validation.choice"));
    rules.setPolicy(user, organisation, policy);
    redirect.addFlashAttribute("flash", ui.t("identity.factor.policy.saved"));
    return "redirect:/admin/organisations/" + organisation + "/settings#second-factor";
  }
}
