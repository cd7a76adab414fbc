package org.lectern.identity;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.lectern.audit.AuditAction;
import org.lectern.shared.database.Transactions;
import org.lectern.shared.error.InvalidInputException;
import org.springframework.dao.DataAccessException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialCreationOptions;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialRequestOptions;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialUserEntity;
import org.springframework.security.web.webauthn.management.ImmutablePublicKeyCredentialCreationOptionsRequest;
import org.springframework.security.web.webauthn.management.ImmutablePublicKeyCredentialRequestOptionsRequest;
import org.springframework.security.web.webauthn.management.ImmutableRelyingPartyRegistrationRequest;
import org.springframework.security.web.webauthn.management.RelyingPartyAuthenticationRequest;
import org.springframework.security.web.webauthn.management.RelyingPartyPublicKey;
import org.springframework.stereotype.Service;

/**
 * A person's passkeys: adding one (named, from the browser's credential), listing and removing
 * them, and checking one — to sign in without a password, as the second step after the password, or
 * again before a sensitive action. Every passkey verifies its holder (PIN or biometrics), so it
 * satisfies the organisation's second-factor rule on its own.
 */
@Service
public record Passkeys(
    PasskeyRelyingParty rp,
    PasskeyUserRepository handles,
    PasskeyRepository passkeys,
    SecondFactorRepository factors,
    UserService users,
    Accounts accounts,
    Transactions transactions) {

  static final int NAME_MAX = 60;

  /** A credential as our script sends it is a few kilobytes; anything far larger is not one. */
  static final int CREDENTIAL_MAX = 32_000;

  public boolean any(UUID userId) {
    return passkeys.count(userId) > 0;
  }

  List<PasskeyRepository.Row> of(UUID userId) {
    return passkeys.of(userId);
  }

  /** What the browser needs to create a passkey for this person (kept in the session to check). */
  PublicKeyCredentialCreationOptions creationOptions(LecternUser user) {
    return transactions.result(
        () -> {
          handles.handleOf(user.id());
          return rp.operations()
              .createPublicKeyCredentialCreationOptions(
                  new ImmutablePublicKeyCredentialCreationOptionsRequest(asAuthentication(user)));
        });
  }

  /**
   * The options issued earlier with this challenge, rebuilt (only the challenge is kept in the
   * session: sessions are stored in PostgreSQL, and the options object cannot be serialised).
   */
  PublicKeyCredentialCreationOptions creationOptions(LecternUser user, byte[] challenge) {
    return transactions.result(
        () -> {
          PublicKeyCredentialCreationOptions fresh = creationOptions(user);
          return PublicKeyCredentialCreationOptions.builder()
              .rp(fresh.getRp())
              .user(fresh.getUser())
              .challenge(new org.springframework.security.web.webauthn.api.Bytes(challenge))
              .pubKeyCredParams(fresh.getPubKeyCredParams())
              .timeout(fresh.getTimeout())
              .excludeCredentials(fresh.getExcludeCredentials())
              .authenticatorSelection(fresh.getAuthenticatorSelection())
              .attestation(fresh.getAttestation())
              .extensions(fresh.getExtensions())
              .build();
        });
  }

  /**
   * Keeps the passkey the browser created. Returns new recovery codes (to show once) when this is
   * the person's first factor, otherwise none.
   */
  List<String> add(
      LecternUser user,
      String name,
      String credential,
      PublicKeyCredentialCreationOptions options) {
    return transactions.result(
        () -> {
          var problems = new InvalidInputException.Collector();
          String label =
              problems.requiredText(
                  name, "name", NAME_MAX, "validation.required", "identity.passkey.nameTooLong");
          if (credential == null || credential.isBlank()) {
            problems.add("passkey", "identity.passkey.needsScript");
          }
          problems.throwIfAny();
          if (options == null
              || !options.getUser().getId().equals(handles.handleOf(user.id()))
              || credential.length() > CREDENTIAL_MAX) {
            throw InvalidInputException.of("passkey", "identity.passkey.failed");
          }
          try {
            rp.operations()
                .registerCredential(
                    new ImmutableRelyingPartyRegistrationRequest(
                        options, new RelyingPartyPublicKey(rp.attestation(credential), label)));
          } catch (DataAccessException e) {
            throw e;
          } catch (RuntimeException e) {
            // Unreadable, forged, replayed or from another site: webauthn4j and Jackson say why in
            // their own exception types; to the person it is one message.
            throw InvalidInputException.of("passkey", "identity.passkey.failed");
          }
          accounts.record(
              user,
              AuditAction.ACCOUNT_PASSKEY_ADDED,
              user.id(),
              accounts.firstOrganisation(user.id()));
          boolean hadFactor =
              factors.totp(user.id()).map(SecondFactorRepository.TotpRow::confirmed).orElse(false)
                  || factors.unusedRecoveryCodes(user.id()) > 0;
          if (hadFactor) {
            return List.of();
          }
          List<String> codes = RecoveryCodes.generate();
          factors.replaceRecoveryCodes(user.id(), codes.stream().map(RecoveryCodes::hash).toList());
          return codes;
        });
  }

  /** Removes one of the person's passkeys; false when they have none by that id. */
  boolean remove(LecternUser user, String credentialId) {
    return transactions.result(
        () -> {
          if (credentialId == null
              || credentialId.length() > 1000
              || !passkeys.remove(user.id(), credentialId)) {
            return false;
          }
          accounts.record(
              user,
              AuditAction.ACCOUNT_PASSKEY_REMOVED,
              user.id(),
              accounts.firstOrganisation(user.id()));
          return true;
        });
  }

  /**
   * What the browser needs to sign with a passkey: any of the site's passkeys (signing in without a
   * password) or, for a person already known, one of theirs.
   */
  PublicKeyCredentialRequestOptions requestOptions(LecternUser user) {
    return rp.operations()
        .createCredentialRequestOptions(
            new ImmutablePublicKeyCredentialRequestOptionsRequest(
                user == null ? null : asAuthentication(user)));
  }

  /** The enabled account whose passkey signed these options, if the signature holds. */
  Optional<LecternUser> signIn(String credential, PublicKeyCredentialRequestOptions options) {
    return transactions.result(
        () ->
            check(credential, options)
                .flatMap(e -> handles.ownerOf(e.getId()))
                .flatMap(users::find)
                .filter(LecternUser::isEnabled));
  }

  /** Whether one of this person's passkeys signed these options. */
  boolean verify(LecternUser user, String credential, PublicKeyCredentialRequestOptions options) {
    return transactions.result(
        () ->
            check(credential, options)
                .flatMap(e -> handles.ownerOf(e.getId()))
                .filter(user.id()::equals)
                .isPresent());
  }

  private Optional<PublicKeyCredentialUserEntity> check(
      String credential, PublicKeyCredentialRequestOptions options) {
    if (options == null
        || credential == null
        || credential.isBlank()
        || credential.length() > CREDENTIAL_MAX) {
      return Optional.empty();
    }
    try {
      return Optional.of(
          rp.operations()
              .authenticate(
                  new RelyingPartyAuthenticationRequest(options, rp.assertion(credential))));
    } catch (DataAccessException e) {
      throw e;
    } catch (RuntimeException e) {
      return Optional.empty();
    }
  }

  /** Spring Security's relying party names people by "username": here, the account's id. */
  private static Authentication asAuthentication(LecternUser user) {
    return UsernamePasswordAuthenticationToken.authenticated(user.id().toString(), null, List.of());
  }
}
