package org.lectern.identity;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;
import org.lectern.audit.AuditAction;
import org.lectern.shared.crypto.PersonalDataCipher;
import org.lectern.shared.database.Transactions;
import org.lectern.shared.error.InvalidInputException;
import org.lectern.shared.limit.Limit;
import org.lectern.shared.limit.RateLimiter;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

/**
 * A person's second factor: an authenticator app (TOTP) and/or passkeys ({@link Passkeys}), with
 * ten single-use recovery codes. Setting the app up, checking a code at sign-in or for a sensitive
 * action, removing it. Every code check counts against a per-account limit shared by all nodes, so
 * six digits cannot be tried through.
 */
@Service
public record SecondFactors(
    SecondFactorRepository factors,
    PasskeyRepository passkeys,
    SecondFactorRules rules,
    PersonalDataCipher cipher,
    RateLimiter limiter,
    Accounts accounts,
    Clock clock,
    @Value("${lectern.second-factor.issuer:Lectern}") String issuer,
    Transactions transactions) {

  static final String SECRET_CONTEXT = "second_factor_totp.secret";
  static final Limit ATTEMPTS =
      new Limit("second-factor.account", 10, Duration.ofMinutes(15), "identity.factor.tooMany");

  /** What the set-up page shows: the secret as text, and as an otpauth:// address. */
  public record Setup(String secret, String uri) {}

  /** Whether the person has a second factor: a confirmed authenticator app or a passkey. */
  public boolean enrolled(UUID userId) {
    return hasApp(userId) || passkeys.count(userId) > 0;
  }

  /** Whether the person has a confirmed authenticator app. */
  public boolean hasApp(UUID userId) {
    return factors.totp(userId).map(SecondFactorRepository.TotpRow::confirmed).orElse(false);
  }

  /** Whether a typed code can prove the factor: from the app, or an unused recovery code. */
  public boolean takesCodes(UUID userId) {
    return hasApp(userId) || (enrolled(userId) && factors.unusedRecoveryCodes(userId) > 0);
  }

  /** Whether the person has passkeys (the second step then offers them). */
  public boolean hasPasskeys(UUID userId) {
    return passkeys.count(userId) > 0;
  }

  /**
   * Whether a policy (of an organisation, or the installation's for its administrators) needs it.
   */
  public boolean required(LecternUser user) {
    return rules.required(user);
  }

  /** The secret being set up (a new one unless a set-up is under way); empty when confirmed. */
  public java.util.Optional<Setup> setup(LecternUser user) {
    return transactions.result(
        () -> {
          var row = factors.totp(user.id());
          if (row.isPresent() && row.get().confirmed()) {
            return java.util.Optional.empty();
          }
          byte[] secret;
          if (row.isPresent()) {
            secret = open(row.get().secret());
          } else {
            secret = Totp.newSecret();
            factors.startTotp(user.id(), seal(secret), clock.instant());
          }
          String uri = Totp.uri(issuer, user.email(), secret);
          return java.util.Optional.of(new Setup(Base32.grouped(secret), uri));
        });
  }

  /**
   * Confirms the set-up with a first code from the app; returns the recovery codes, to be shown
   * once.
   */
  public List<String> confirm(LecternUser user, String code) {
    return transactions.result(
        () -> {
          limiter.acquire(ATTEMPTS, user.id().toString());
          var row =
              factors
                  .totp(user.id())
                  .filter(r -> !r.confirmed())
                  .orElseThrow(() -> InvalidInputException.of("code", "identity.factor.noSetup"));
          OptionalLong step = Totp.match(open(row.secret()), code, clock.instant(), row.lastStep());
          if (step.isEmpty()
              || !factors.confirmTotp(user.id(), step.getAsLong(), clock.instant())) {
            throw InvalidInputException.of("code", "identity.factor.wrongCode");
          }
          List<String> codes = RecoveryCodes.generate();
          factors.replaceRecoveryCodes(user.id(), codes.stream().map(RecoveryCodes::hash).toList());
          accounts.record(
              user,
              AuditAction.ACCOUNT_FACTOR_ENROLLED,
              user.id(),
              accounts.firstOrganisation(user.id()));
          return codes;
        });
  }

  /**
   * A code accepted for one request: the recovery code's digest and when it was marked used, or the
   * app's time step and the one accepted before it.
   */
  public record CodeUse(UUID userId, byte[] recoveryHash, Instant usedAt, long step, long before) {}

  /**
   * Checks a code from the app or an unused recovery code, each good once. Throws {@link
   * org.lectern.shared.limit.TooManyRequestsException} once the account's attempts are spent.
   */
  public boolean verify(LecternUser user, String code) {
    return use(user, code).isPresent();
  }

  /**
   * As {@link #verify}, saying which code was used, so that a request refused for its content
   * afterwards can {@link #giveBack} it. Two requests with the same code: one gets it (the marking
   * is one conditional update), the other is refused.
   */
  public Optional<CodeUse> use(LecternUser user, String code) {
    return transactions.result(
        () -> {
          limiter.acquire(ATTEMPTS, user.id().toString());
          var row = factors.totp(user.id()).filter(SecondFactorRepository.TotpRow::confirmed);
          if (row.isEmpty() && !(RecoveryCodes.looksLike(code) && enrolled(user.id()))) {
            return Optional.<CodeUse>empty();
          }
          if (RecoveryCodes.looksLike(code)) {
            byte[] hash = RecoveryCodes.hash(code);
            Instant now = clock.instant();
            if (!factors.useRecoveryCode(user.id(), hash, now)) {
              return Optional.<CodeUse>empty();
            }
            accounts.record(
                user,
                AuditAction.ACCOUNT_RECOVERY_CODE_USED,
                user.id(),
                accounts.firstOrganisation(user.id()));
            return Optional.of(new CodeUse(user.id(), hash, now, 0, 0));
          }
          OptionalLong step = Totp.match(open(row.get().secret()), code, clock.instant(), 0);
          if (step.isEmpty() || !factors.useStep(user.id(), step.getAsLong())) {
            return Optional.<CodeUse>empty();
          }
          return Optional.of(
              new CodeUse(user.id(), null, null, step.getAsLong(), row.get().lastStep()));
        });
  }

  /**
   * Makes a code used by {@link #use} good again because the request it came with was refused and
   * changed nothing (audited for a recovery code). Nothing happens when it has been used since (an
   * app code of a later step, or the code renewed).
   */
  public void giveBack(LecternUser user, CodeUse use) {
    transactions.run(
        () -> {
          if (use.recoveryHash() == null) {
            factors.unuseStep(use.userId(), use.step(), use.before());
          } else if (factors.unuseRecoveryCode(use.userId(), use.recoveryHash(), use.usedAt())) {
            accounts.record(
                user,
                AuditAction.ACCOUNT_RECOVERY_CODE_RETURNED,
                user.id(),
                accounts.firstOrganisation(user.id()));
          }
        });
  }

  /** Ten new recovery codes; the old ones stop working (for anyone with a second factor). */
  public List<String> renewRecoveryCodes(LecternUser user) {
    return transactions.result(
        () -> {
          if (!enrolled(user.id())) {
            throw InvalidInputException.of("code", "identity.factor.noSetup");
          }
          List<String> codes = RecoveryCodes.generate();
          factors.replaceRecoveryCodes(user.id(), codes.stream().map(RecoveryCodes::hash).toList());
          accounts.record(
              user,
              AuditAction.ACCOUNT_RECOVERY_CODES_RENEWED,
              user.id(),
              accounts.firstOrganisation(user.id()));
          return codes;
        });
  }

  public int unusedRecoveryCodes(UUID userId) {
    return factors.unusedRecoveryCodes(userId);
  }

  /**
   * Removes the authenticator app, and the recovery codes unless passkeys remain (the caller has
   * just re-verified).
   */
  public void remove(LecternUser user) {
    transactions.run(
        () -> {
          boolean had = hasApp(user.id());
          factors.deleteTotp(user.id());
          if (passkeys.count(user.id()) == 0) {
            factors.deleteRecoveryCodes(user.id());
          }
          if (had) {
            accounts.record(
                user,
                AuditAction.ACCOUNT_FACTOR_REMOVED,
                user.id(),
                accounts.firstOrganisation(user.id()));
          }
        });
  }

  private byte[] seal(byte[] secret) {
    return cipher.encrypt(Base32.encode(secret), SECRET_CONTEXT);
  }

  private byte[] open(byte[] sealed) {
    return Base32.decode(cipher.decrypt(sealed, SECRET_CONTEXT));
  }
}
