package org.lectern.identity;

import java.time.Duration;
import java.util.UUID;
import org.lectern.audit.AuditAction;
import org.lectern.shared.database.Transactions;
import org.lectern.shared.error.InvalidInputException;
import org.springframework.stereotype.Service;

/** Issuing and revoking a person's own API tokens, with their rules and audit entries. */
@Service
record PersonalTokenService(ApiTokenService tokens, Accounts accounts, Transactions transactions) {

  static final int DEFAULT_DAYS = 30;

  /** 1 to 365 days; none means 30. */
  static Duration validity(Integer days) {
    if (days == null) {
      return Duration.ofDays(DEFAULT_DAYS);
    }
    if (days < 1 || days > ApiTokenService.MAX_DAYS) {
      throw InvalidInputException.of(
          "expiresInDays", "identity.token.days", 1, ApiTokenService.MAX_DAYS);
    }
    return Duration.ofDays(days);
  }

  static String name(String name) {
    String n = name == null ? "" : name.strip();
    if (n.length() > ApiTokenService.MAX_NAME) {
      throw InvalidInputException.of("name", "validation.tooLong", ApiTokenService.MAX_NAME);
    }
    if (n.chars().anyMatch(Character::isISOControl)) {
      throw InvalidInputException.of("name", "identity.token.name");
    }
    return n.isEmpty() ? "api" : n;
  }

  public ApiTokenService.IssuedToken issue(LecternUser owner, String name, Duration validity) {
    return transactions.result(() -> issue(owner, name, validity, false));
  }

  /**
   * {@code secondFactor}: the code was checked just now, so sensitive calls with this token need no
   * new code for the next minutes (see {@link StepUp}).
   */
  public ApiTokenService.IssuedToken issue(
      LecternUser owner, String name, Duration validity, boolean secondFactor) {
    return transactions.result(
        () -> {
          var issued = tokens.issue(owner.id(), name(name), validity, secondFactor);
          accounts.record(
              owner,
              AuditAction.ACCOUNT_TOKEN_CREATED,
              owner.id(),
              accounts.firstOrganisation(owner.id()));
          return issued;
        });
  }

  public boolean revoke(LecternUser owner, UUID tokenId) {
    return transactions.result(
        () -> {
          if (!tokens.revoke(owner.id(), tokenId)) {
            return false;
          }
          accounts.record(
              owner,
              AuditAction.ACCOUNT_TOKEN_REVOKED,
              owner.id(),
              accounts.firstOrganisation(owner.id()));
          return true;
        });
  }
}
