package org.lectern.identity;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.lectern.shared.error.DomainException;
import org.lectern.shared.error.NotFoundException;
import org.lectern.shared.error.UnauthenticatedException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** API tokens: exchanged for an e-mail and password, listed and revoked by their owner. */
@RestController
@Tag(name = "Authentication")
record AuthApiController(
    AuthenticationManager authentication,
    ApiTokenService tokens,
    PersonalTokenService office,
    SecondFactors factors) {

  record TokenRequest(
      @NotBlank @Size(max = 254) String email,
      @NotBlank @Size(max = 200) String password,
      @Size(max = 40) String otp,
      @Size(max = ApiTokenService.MAX_NAME) String name,
      Integer expiresInDays) {}

  @PostMapping("/api/v1/auth/tokens")
  @ResponseStatus(HttpStatus.CREATED)
  @Operation(
      summary =
          "Obtain a named API token for an e-mail and password (valid expiresInDays, 1–365,"
              + " default 30); otp: the second-factor code (or a recovery code) where the account"
              + " has one")
  ApiTokenService.IssuedToken create(@Valid @RequestBody TokenRequest request) {
    // Everything the body can be refused for is checked before a code is spent.
    Duration validity = PersonalTokenService.validity(request.expiresInDays());
    String name = PersonalTokenService.name(request.name());
    LecternUser user;
    try {
      var auth =
          authentication.authenticate(
              UsernamePasswordAuthenticationToken.unauthenticated(
                  request.email(), request.password()));
      user = (LecternUser) auth.getPrincipal();
    } catch (AuthenticationException e) {
      throw new BadCredentials();
    }
    Optional<SecondFactors.CodeUse> factor = secondFactor(user, request.otp());
    try {
      return office.issue(user, name, validity, factor.isPresent());
    } catch (DomainException e) {
      factor.ifPresent(use -> factors.giveBack(user, use));
      throw e;
    }
  }

  /**
   * Checks the code of an account with a second factor (the code's use); refuses an account that
   * must have one and has none; empty for an account without one.
   */
  private Optional<SecondFactors.CodeUse> secondFactor(LecternUser user, String otp) {
    if (factors.enrolled(user.id())) {
      if (otp == null || otp.isBlank()) {
        // A passkey cannot travel in a JSON body: such an account makes its tokens in the browser.
        throw new SecondFactorNeeded(
            factors.takesCodes(user.id())
                ? "identity.factor.required"
                : "identity.passkey.apiNeedsCode");
      }
      return Optional.of(
          factors
              .use(user, otp)
              .orElseThrow(() -> new SecondFactorNeeded("identity.factor.wrongCode")));
    }
    if (factors.required(user)) {
      throw org.lectern.shared.error.InvalidInputException.of("otp", "identity.factor.enrolFirst");
    }
    return Optional.empty();
  }

  @GetMapping("/api/v1/auth/tokens")
  @Operation(summary = "The caller's working tokens (never their secrets)")
  List<ApiTokenService.TokenView> list(@AuthenticationPrincipal LecternUser user) {
    return tokens.active(user.id());
  }

  @DeleteMapping("/api/v1/auth/tokens/{id}")
  @Operation(summary = "Revoke one of the caller's tokens (someone else's: 404)")
  ResponseEntity<Void> revoke(@AuthenticationPrincipal LecternUser user, @PathVariable UUID id) {
    if (!office.revoke(user, id)) {
      throw new NotFoundException("identity.token.notFound");
    }
    return ResponseEntity.noContent().build();
  }

  /** Right password, but the second-factor code is missing or wrong: 401 naming {@code otp}. */
  static class SecondFactorNeeded extends UnauthenticatedException {
    SecondFactorNeeded(String code) {
      super(code, List.of(new org.lectern.shared.error.FieldProblem("otp", code)));
    }
  }

  /** Wrong e-mail or password (or a disabled account): 401, the same answer for all. */
  static class BadCredentials extends UnauthenticatedException {
    BadCredentials() {
      super("identity.badCredentials");
    }
  }
}
