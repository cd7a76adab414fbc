package org.lectern.identity;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.util.Map;
import org.lectern.shared.database.Json;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** {@code POST /api/v1/users} (API.md): platform or organisation administrators create accounts. */
@RestController
@Tag(name = "Users")
record UserApiController(UserService users) {

  record CreateUser(
      @Size(max = 320) String email,
      @Size(max = 200) String fullName,
      @Size(max = 200) String password,
      @Size(max = 5) String language) {}

  @PostMapping("/api/v1/users")
  @Operation(
      summary =
          "Create an account (platform or organisation admin); without a password an invitation"
              + " e-mail with a set-password link is sent")
  ResponseEntity<?> create(IdempotentCreate creation, @Valid @RequestBody CreateUser body) {
    return creation.run(
        // The password is no part of the request's fingerprint (defence in depth: the fingerprint
        // is a keyed HMAC too). A retry with another password replays the first answer.
        Json.write(new CreateUser(body.email(), body.fullName(), null, body.language())),
        () -> {
          var id =
              users.createAccount(
                  creation.actor(),
                  body.email(),
                  body.fullName(),
                  body.password(),
                  body.language());
          return ResponseEntity.created(URI.create("/api/v1/users/" + id))
              .body(Map.of("id", id.toString()));
        });
  }
}
