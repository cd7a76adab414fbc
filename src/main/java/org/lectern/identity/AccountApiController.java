package org.lectern.identity;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Disabling accounts and changing one's own password through the API. */
@RestController
@Tag(name = "Users")
record AccountApiController(Accounts accounts) {

  record UserPatch(@NotNull Boolean disabled) {}

  /** An account as the API shows it to an administrator. */
  record UserView(UUID id, String email, String fullName, boolean disabled) {
    static UserView of(LecternUser u) {
      return new UserView(u.id(), u.email(), u.fullName(), u.disabled());
    }
  }

  @PatchMapping("/api/v1/users/{id}")
  @Operation(
      summary =
          "Disable or re-enable an account (platform administrator, or an administrator of every"
              + " organisation it belongs to); its sessions and tokens stop at once")
  UserView patch(
      @AuthenticationPrincipal LecternUser actor,
      @PathVariable UUID id,
      @Valid @RequestBody UserPatch body) {
    return UserView.of(accounts.setDisabled(actor, id, body.disabled()));
  }

  record PasswordChange(
      @Size(max = 200) String currentPassword, @Size(max = 1000) String newPassword) {}

  @PostMapping("/api/v1/auth/password")
  @Operation(
      summary =
          "Change the caller's password (the current one required); their browser sessions end")
  ResponseEntity<Void> changePassword(
      @AuthenticationPrincipal LecternUser actor, @Valid @RequestBody PasswordChange body) {
    accounts.changePassword(actor, body.currentPassword(), body.newPassword());
    return ResponseEntity.noContent().build();
  }
}
