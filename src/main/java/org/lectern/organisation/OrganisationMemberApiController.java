package org.lectern.organisation;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.lectern.identity.IdempotentCreate;
import org.lectern.identity.LecternUser;
import org.lectern.shared.database.Json;
import org.lectern.shared.error.InvalidInputException;
import org.lectern.shared.error.NotFoundException;
import org.lectern.shared.web.api.Paging;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/v1/organisations/{id}/members} (API.md): an organisation's ADMINs list, add, change
 * and remove its members; the last ADMIN stays (409).
 */
@RestController
@Tag(name = "Organisations")
record OrganisationMemberApiController(
    OrganisationMembers members, OrganisationInvitations invitations) {

  /**
   * An invitation waiting for its person: the address and name the inviter typed, never the
   * account's own (ADR 0010); alike for an address with an account and a new one.
   */
  record InvitationJson(
      String id, String email, String fullName, String role, String status, Instant expiresAt) {
    static InvitationJson of(OrganisationInvitation i) {
      return new InvitationJson(
          i.id().toString(), i.email(), i.fullName(), i.role().name(), "INVITED", i.expiresAt());
    }
  }

  record MemberJson(
      String userId,
      String email,
      String fullName,
      String role,
      Instant addedAt,
      Instant lastSignInAt) {
    static MemberJson of(OrganisationMember m) {
      return new MemberJson(
          m.userId().toString(),
          m.email(),
          m.fullName(),
          m.role().name(),
          m.addedAt(),
          m.lastSignInAt());
    }
  }

  record AddMember(
      @Size(max = 64) String userId,
      @Size(max = 320) String email,
      @Size(max = 200) String fullName,
      @Size(max = 5) String language,
      @Size(max = 20) String role) {}

  record ChangeMember(@Size(max = 20) String role) {}

  @GetMapping("/api/v1/organisations/{id}/members")
  @Operation(summary = "Members with role and last sign-in (the organisation's ADMINs; audited)")
  ResponseEntity<List<MemberJson>> list(
      @AuthenticationPrincipal LecternUser actor,
      @PathVariable String id,
      @RequestParam(required = false) Integer limit,
      @RequestParam(required = false) Integer offset) {
    Paging paging = Paging.of(limit, offset);
    var all = members.list(actor, OrganisationApiController.pathId(id));
    return ResponseEntity.ok()
        .header(Paging.TOTAL_HEADER, String.valueOf(all.size()))
        .body(
            all.stream().skip(paging.offset()).limit(paging.limit()).map(MemberJson::of).toList());
  }

  @PostMapping("/api/v1/organisations/{id}/members")
  @org.lectern.identity.FreshSecondFactor
  @Operation(
      summary =
          "Add a member {userId, role: ADMIN|MEMBER}, or invite one by {email, fullName?,"
              + " language?, role}. An organisation administrator's invitation by e-mail is 201 with"
              + " a pending invitation, alike for an address with an account and a new one: the"
              + " person becomes a member when they accept (a platform administrator's is 201 with"
              + " the member). userId reaches the organisation's members and accounts of no"
              + " organisation; an account of other organisations only gets the 422 of an id of"
              + " no account")
  ResponseEntity<?> add(
      IdempotentCreate creation, @PathVariable String id, @Valid @RequestBody AddMember body) {
    UUID org = OrganisationApiController.pathId(id);
    LecternUser actor = creation.actor();
    return creation.runWithin(
        org,
        Json.write(body),
        () -> {
          OrganisationRole role = role(body.role());
          if (body.userId() == null && !actor.platformAdmin()) {
            var invitation =
                invitations.invite(
                    actor, org, body.email(), body.fullName(), role, body.language());
            return ResponseEntity.created(
                    URI.create("/api/v1/organisations/" + org + "/invitations/" + invitation.id()))
                .body(InvitationJson.of(invitation));
          }
          OrganisationMember m =
              body.userId() != null
                  ? members.add(actor, org, userId(body.userId(), "userId"), role)
                  : members.invite(
                      actor, org, body.email(), body.fullName(), role, body.language());
          return ResponseEntity.created(
                  URI.create("/api/v1/organisations/" + org + "/members/" + m.userId()))
              .body(MemberJson.of(m));
        });
  }

  @GetMapping("/api/v1/organisations/{id}/invitations")
  @Operation(
      summary =
          "Invitations waiting for their person, with the address and name the inviter typed"
              + " (the organisation's ADMINs)")
  List<InvitationJson> invitations(
      @AuthenticationPrincipal LecternUser actor, @PathVariable String id) {
    return invitations.pending(actor, OrganisationApiController.pathId(id)).stream()
        .map(InvitationJson::of)
        .toList();
  }

  @DeleteMapping("/api/v1/organisations/{id}/invitations/{invitationId}")
  @Operation(summary = "Withdraw an invitation (audited; 404 for any other id)")
  ResponseEntity<Void> withdraw(
      @AuthenticationPrincipal LecternUser actor,
      @PathVariable String id,
      @PathVariable String invitationId) {
    UUID invitation;
    try {
      invitation = UUID.fromString(invitationId);
    } catch (IllegalArgumentException e) {
      throw new NotFoundException("organisation.invitation.notFound");
    }
    invitations.withdraw(actor, OrganisationApiController.pathId(id), invitation);
    return ResponseEntity.noContent().build();
  }

  @PatchMapping("/api/v1/organisations/{id}/members/{userId}")
  @org.lectern.identity.FreshSecondFactor
  @Operation(summary = "Change a member's role (409 when it would leave no ADMIN)")
  MemberJson change(
      @AuthenticationPrincipal LecternUser actor,
      @PathVariable String id,
      @PathVariable String userId,
      @Valid @RequestBody ChangeMember body) {
    return MemberJson.of(
        members.changeRole(
            actor, OrganisationApiController.pathId(id), memberId(userId), role(body.role())));
  }

  @DeleteMapping("/api/v1/organisations/{id}/members/{userId}")
  @Operation(summary = "Remove a member (audited; 409 for the last ADMIN)")
  ResponseEntity<Void> remove(
      @AuthenticationPrincipal LecternUser actor,
      @PathVariable String id,
      @PathVariable String userId) {
    members.remove(actor, OrganisationApiController.pathId(id), memberId(userId));
    return ResponseEntity.noContent().build();
  }

  private static OrganisationRole role(String role) {
    return OrganisationRole.parse(role)
        .orElseThrow(() -> InvalidInputException.of("role", "validation.choice"));
  }

  private static UUID userId(String value, String field) {
    try {
      return UUID.fromString(value);
    } catch (IllegalArgumentException e) {
      throw InvalidInputException.of(field, "organisation.member.unknownUser");
    }
  }

  private static UUID memberId(String value) {
    try {
      return UUID.fromString(value);
    } catch (IllegalArgumentException e) {
      throw new NotFoundException("organisation.member.notFound");
    }
  }
}
