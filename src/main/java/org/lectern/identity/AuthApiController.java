package org.lectern.identity;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.lectern.shared.error.UnauthenticatedException;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.AuthenticationException;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Exchanges an e-mail and password for an API token. */
@RestController
@Tag(name = "Authentication")
class AuthApiController {

  private final AuthenticationManager authentication;
  private final ApiTokenService tokens;

  AuthApiController(AuthenticationManager authentication, ApiTokenService tokens) {
    this.authentication = authentication;
    this.tokens = tokens;
  }

  record TokenRequest(
      @NotBlank @Size(max = 254) String email,
      @NotBlank @Size(max = 200) String password,
      String otp) {}

  @PostMapping("/api/v1/auth/tokens")
  @ResponseStatus(HttpStatus.CREATED)
  @Operation(summary = "Obtain an API token (valid 30 days) for an e-mail and password")
  ApiTokenService.IssuedToken create(@Valid @RequestBody TokenRequest request) {
    try {
      var auth =
          authentication.authenticate(
              UsernamePasswordAuthenticationToken.unauthenticated(
                  request.email(), request.password()));
      LecternUser user = (LecternUser) auth.getPrincipal();
      return tokens.issue(user.id(), "api");
    } catch (AuthenticationException e) {
      throw new BadCredentials();
    }
  }

  /** Wrong e-mail or password: 401, the same answer for both. */
  static class BadCredentials extends UnauthenticatedException {
    BadCredentials() {
      super("identity.badCredentials");
    }
  }
}
