package org.lectern.identity;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.lectern.shared.error.DomainException;
import org.lectern.shared.error.NotFoundException;
import org.lectern.shared.web.FormErrors;
import org.lectern.shared.web.Ui;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Passkeys on the person's second-factor page: add one (named; our script asks the browser to
 * create it and posts the form with the result), remove one. Adding or removing asks for a fresh
 * second factor from whoever already has one: a stolen session must not be able to add its own
 * passkey, nor take the owner's away.
 */
@Controller
record PasskeySetupController(
    Passkeys passkeys,
    PasskeyRelyingParty rp,
    SecondFactors factors,
    SecondFactorSetupPages pages,
    StepUp stepUp,
    Clock clock) {

  static final String PASSKEYS = SignInSuccess.ENROL + "/passkeys";
  private static final String VIEW = "identity/second-factor-setup";

  static final String PENDING = PasskeySetupController.class.getName() + ".PENDING";
  static final java.time.Duration PENDING_FOR = java.time.Duration.ofMinutes(10);

  /** The challenge issued to this session, and when (serialisable: sessions are in PostgreSQL). */
  record Pending(byte[] challenge, java.time.Instant issuedAt) implements java.io.Serializable {}

  /**
   * The options for the browser to create a passkey. When the second factor is not fresh, a 401
   * naming the page that asks for it (the script goes there, and comes back).
   */
  @PostMapping(PASSKEYS + "/options")
  ResponseEntity<String> options(
      @AuthenticationPrincipal LecternUser user, HttpServletRequest req, HttpServletResponse res) {
    if (!stepUp.fresh(user, req)) {
      String next = URLEncoder.encode(SignInSuccess.ENROL, StandardCharsets.UTF_8);
      return ResponseEntity.status(401)
          .cacheControl(CacheControl.noStore())
          .contentType(MediaType.APPLICATION_JSON)
          .body(
              rp.json()
                  .writeValueAsString(
                      Map.of("stepUp", SignInSuccess.SECOND_STEP + "?next=" + next)));
    }
    var options = passkeys.creationOptions(user);
    req.getSession()
        .setAttribute(PENDING, new Pending(options.getChallenge().getBytes(), clock.instant()));
    return ResponseEntity.ok()
        .cacheControl(CacheControl.noStore())
        .contentType(MediaType.APPLICATION_JSON)
        .body(rp.json().writeValueAsString(options));
  }

  @PostMapping(PASSKEYS)
  @FreshSecondFactor
  String add(
      @AuthenticationPrincipal LecternUser user,
      @RequestParam(defaultValue = "") String name,
      @RequestParam(defaultValue = "") String credential,
      HttpServletRequest req,
      HttpServletResponse res,
      Ui ui,
      Model model) {
    var session = req.getSession(false);
    Object stored = session == null ? null : session.getAttribute(PENDING);
    if (session != null) {
      session.removeAttribute(PENDING);
    }
    var options =
        stored instanceof Pending p && p.issuedAt().plus(PENDING_FOR).isAfter(clock.instant())
            ? passkeys.creationOptions(user, p.challenge())
            : null;
    String shown =
        name.length() > Passkeys.NAME_MAX * 2 ? name.substring(0, Passkeys.NAME_MAX * 2) : name;
    List<String> codes;
    try {
      codes = passkeys.add(user, name, credential, options);
    } catch (DomainException e) {
      res.setStatus(422);
      model.addAttribute(
          "page",
          pages.page(user, ui, List.of(), FormErrors.none(), null, shown, FormErrors.of(e, ui)));
      return VIEW;
    }
    // The new passkey verified its holder: a session held at "set one up" is through, and fresh.
    SignInState.verified(clock.instant()).store(req.getSession());
    req.changeSessionId();
    model.addAttribute(
        "page",
        pages.page(
            user,
            ui,
            codes,
            FormErrors.none(),
            ui.t("identity.passkey.added"),
            "",
            FormErrors.none()));
    return VIEW;
  }

  @PostMapping(PASSKEYS + "/remove")
  @FreshSecondFactor
  String remove(
      @AuthenticationPrincipal LecternUser user,
      @RequestParam(defaultValue = "") String passkey,
      HttpServletRequest req) {
    if (!passkeys.remove(user, passkey)) {
      throw new NotFoundException("identity.passkey.notFound");
    }
    if (factors.required(user) && !factors.enrolled(user.id())) {
      new SignInState(SignInState.Stage.ENROL, null).store(req.getSession());
    }
    return "redirect:" + SignInSuccess.ENROL + "?done=passkeyRemoved";
  }
}
