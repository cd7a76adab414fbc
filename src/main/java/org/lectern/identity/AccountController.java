package org.lectern.identity;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import org.lectern.shared.error.DomainException;
import org.lectern.shared.error.NotFoundException;
import org.lectern.shared.web.FormErrors;
import org.lectern.shared.web.Ui;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** "Your account": change the name or the password; list, create and revoke API tokens. */
@Controller
class AccountController {

  static final List<Integer> TOKEN_DAYS = List.of(7, 30, 90, 365);
  private static final ZoneId UTC = ZoneId.of("UTC");

  private final Accounts accounts;
  private final ApiTokenService tokens;
  private final PersonalTokenService office;
  private final HttpSessionSecurityContextRepository contexts =
      new HttpSessionSecurityContextRepository();

  private final BrowserSessions sessions;

  AccountController(
      Accounts accounts,
      ApiTokenService tokens,
      PersonalTokenService office,
      BrowserSessions sessions) {
    this.sessions = sessions;
    this.accounts = accounts;
    this.tokens = tokens;
    this.office = office;
  }

  @GetMapping("/admin/account")
  String show(
      @AuthenticationPrincipal LecternUser user,
      @RequestParam(required = false) String done,
      Ui ui,
      Model model) {
    String notice =
        done == null || !List.of("password", "revoked", "name").contains(done)
            ? null
            : ui.t("identity.account.done." + done);
    model.addAttribute(
        "page", page(user, ui, FormErrors.none(), FormErrors.none(), "", null, notice));
    return "identity/account";
  }

  @PostMapping("/admin/account/name")
  String changeName(
      @AuthenticationPrincipal LecternUser user,
      @RequestParam(defaultValue = "") String fullName,
      HttpServletRequest req,
      HttpServletResponse res,
      Ui ui,
      Model model) {
    String name;
    try {
      name = accounts.rename(user, fullName);
    } catch (DomainException e) {
      res.setStatus(422);
      String shown = fullName.length() > 300 ? fullName.substring(0, 300) : fullName;
      model.addAttribute(
          "page",
          page(user, ui, FormErrors.none(), FormErrors.none(), "", null, null)
              .withNameErrors(FormErrors.of(e, ui), shown));
      return "identity/account";
    }
    // This session shows the new name at once (live rooms, the audit log); the counter is
    // unchanged.
    var renewed = user.named(name);
    var context = SecurityContextHolder.createEmptyContext();
    context.setAuthentication(
        UsernamePasswordAuthenticationToken.authenticated(renewed, null, renewed.getAuthorities()));
    SecurityContextHolder.setContext(context);
    contexts.saveContext(context, req, res);
    return "redirect:/admin/account?done=name";
  }

  @PostMapping("/admin/account/password")
  String changePassword(
      @AuthenticationPrincipal LecternUser user,
      @RequestParam(defaultValue = "") String currentPassword,
      @RequestParam(defaultValue = "") String newPassword,
      HttpServletRequest req,
      HttpServletResponse res,
      Ui ui,
      Model model) {
    int epoch;
    try {
      epoch = accounts.changePassword(user, currentPassword, newPassword);
    } catch (DomainException e) {
      res.setStatus(422);
      model.addAttribute(
          "page", page(user, ui, FormErrors.of(e, ui), FormErrors.none(), "", null, null));
      return "identity/account";
    }
    // This session continues under the new counter (and a new id); every other one ends.
    sessions.endAll(user.id(), req.getSession().getId());
    var renewed = user.atEpoch(epoch);
    var context = SecurityContextHolder.createEmptyContext();
    context.setAuthentication(
        UsernamePasswordAuthenticationToken.authenticated(renewed, null, renewed.getAuthorities()));
    SecurityContextHolder.setContext(context);
    req.changeSessionId();
    contexts.saveContext(context, req, res);
    return "redirect:/admin/account?done=password";
  }

  @PostMapping("/admin/account/tokens")
  String createToken(
      @AuthenticationPrincipal LecternUser user,
      @RequestParam(defaultValue = "") String name,
      @RequestParam(defaultValue = "30") String days,
      HttpServletResponse res,
      Ui ui,
      Model model) {
    try {
      Integer d = TOKEN_DAYS.stream().filter(x -> x.toString().equals(days)).findFirst().orElse(0);
      var issued = office.issue(user, name, PersonalTokenService.validity(d));
      model.addAttribute(
          "page", page(user, ui, FormErrors.none(), FormErrors.none(), "", issued.token(), null));
    } catch (DomainException e) {
      res.setStatus(422);
      String shown = name.length() > 200 ? name.substring(0, 200) : name;
      model.addAttribute(
          "page", page(user, ui, FormErrors.none(), FormErrors.of(e, ui), shown, null, null));
    }
    return "identity/account";
  }

  @PostMapping("/admin/account/tokens/{id}/revoke")
  String revoke(@AuthenticationPrincipal LecternUser user, @PathVariable UUID id) {
    if (!office.revoke(user, id)) {
      throw new NotFoundException("identity.token.notFound");
    }
    return "redirect:/admin/account?done=revoked";
  }

  private AccountPage page(
      LecternUser user,
      Ui ui,
      FormErrors passwordErrors,
      FormErrors tokenErrors,
      String tokenName,
      String newToken,
      String notice) {
    var f = ui.time();
    ZoneId zone = ui.zoneOr(UTC);
    var rows =
        tokens.active(user.id()).stream()
            .map(
                t ->
                    new AccountPage.TokenRow(
                        t.id().toString(),
                        t.name(),
                        f.dateTime(t.createdAt(), zone),
                        t.lastUsedAt() == null ? "—" : f.dateTime(t.lastUsedAt(), zone),
                        f.dateTime(t.expiresAt(), zone)))
            .toList();
    return new AccountPage(
        user.email(),
        user.fullName(),
        FormErrors.none(),
        user.fullName(),
        user.platformAdmin() && AdminBootstrap.DEFAULT_NAME.equals(user.fullName()),
        passwordErrors,
        rows,
        tokenErrors,
        tokenName,
        newToken,
        notice,
        accounts.mayManageAccounts(user),
        TOKEN_DAYS);
  }
}
