package org.lectern.identity;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import org.lectern.shared.error.InvalidInputException;
import org.lectern.shared.web.FormErrors;
import org.lectern.shared.web.Ui;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.webauthn.authentication.HttpSessionPublicKeyCredentialRequestOptionsRepository;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Signing with a passkey: in place of the password (the sign-in page), as the second step after the
 * password, and again before a sensitive action. Each use is two requests made by our script: the
 * options (a fresh challenge, kept in the session) and then the form, posted with the signed answer
 * in a hidden field. Without JavaScript the form still posts and says that a passkey needs it; the
 * password and the authenticator app work without.
 */
@Controller
record PasskeySignInController(
    Passkeys passkeys,
    PasskeyRelyingParty rp,
    SecondStep step,
    SignInSuccess signIn,
    ApplicationEventPublisher events,
    SignInThrottle throttle,
    Clock clock) {

  static final String SIGN_IN = "/login/passkey";
  static final String SECOND_STEP = SignInSuccess.SECOND_STEP + "/passkey";
  static final String OPTIONS = "/options";

  /** The challenge between the options and the answer is kept in the session. */
  private static final HttpSessionPublicKeyCredentialRequestOptionsRepository CHALLENGES =
      new HttpSessionPublicKeyCredentialRequestOptionsRepository();

  private static final HttpSessionSecurityContextRepository CONTEXTS =
      new HttpSessionSecurityContextRepository();

  @PostMapping(SIGN_IN + OPTIONS)
  ResponseEntity<String> signInOptions(HttpServletRequest req, HttpServletResponse res) {
    var options = passkeys.requestOptions(null);
    CHALLENGES.save(req, res, options);
    return json(rp.json().writeValueAsString(options));
  }

  @PostMapping(SIGN_IN)
  String signIn(
      @RequestParam(defaultValue = "") String credential,
      HttpServletRequest req,
      HttpServletResponse res,
      Ui ui,
      Model model)
      throws IOException, ServletException {
    var options = CHALLENGES.load(req);
    CHALLENGES.save(req, res, null);
    // A locked address gets the answer of a wrong passkey, after the same work.
    boolean locked = throttle.addressLocked(req.getRemoteAddr());
    var user = credential.isBlank() ? null : passkeys.signIn(credential, options).orElse(null);
    if (user == null && !credential.isBlank()) {
      throttle.failedFrom(req.getRemoteAddr());
    }
    if (locked) {
      user = null;
    }
    if (user == null) {
      res.setStatus(422);
      String code =
          credential.isBlank() && !locked
              ? "identity.passkey.needsScript"
              : "identity.passkey.signInFailed";
      model.addAttribute(
          "page",
          new LoginPage(
              false,
              false,
              false,
              false,
              FormErrors.of(InvalidInputException.of("passkey", code), ui)));
      return "identity/login";
    }
    var auth = UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities());
    SecurityContext context = SecurityContextHolder.createEmptyContext();
    context.setAuthentication(auth);
    SecurityContextHolder.setContext(context);
    // A new session id: whatever was known of the anonymous session is worthless now.
    req.getSession();
    req.changeSessionId();
    CONTEXTS.saveContext(context, req, res);
    SignInState.verified(clock.instant()).store(req.getSession());
    req.getSession().setAttribute(SecondFactorGate.SIGNED_IN_AT, clock.instant());
    events.publishEvent(new AuthenticationSuccessEvent(auth));
    signIn.continueAfterSecondFactor(req, res, auth);
    return null;
  }

  @PostMapping(SECOND_STEP + OPTIONS)
  ResponseEntity<String> secondStepOptions(
      @AuthenticationPrincipal LecternUser user, HttpServletRequest req, HttpServletResponse res) {
    if (user == null) {
      return ResponseEntity.status(401).cacheControl(CacheControl.noStore()).build();
    }
    var options = passkeys.requestOptions(user);
    CHALLENGES.save(req, res, options);
    return json(rp.json().writeValueAsString(options));
  }

  @PostMapping(SECOND_STEP)
  String secondStep(
      @AuthenticationPrincipal LecternUser user,
      @RequestParam(defaultValue = "") String credential,
      @RequestParam(required = false) String next,
      HttpServletRequest req,
      HttpServletResponse res,
      Ui ui,
      Model model)
      throws IOException, ServletException {
    return step.answer(user, next, () -> refusal(user, credential, req, res), req, res, ui, model);
  }

  /** Why the passkey's answer is refused, or null when it signed this session's challenge. */
  private InvalidInputException refusal(
      LecternUser user, String credential, HttpServletRequest req, HttpServletResponse res) {
    var options = CHALLENGES.load(req);
    CHALLENGES.save(req, res, null);
    if (credential.isBlank()) {
      return InvalidInputException.of("passkey", "identity.passkey.needsScript");
    }
    return passkeys.verify(user, credential, options)
        ? null
        : InvalidInputException.of("passkey", "identity.passkey.failed");
  }

  private static ResponseEntity<String> json(String body) {
    return ResponseEntity.ok()
        .cacheControl(CacheControl.noStore())
        .contentType(MediaType.APPLICATION_JSON)
        .body(body);
  }
}
