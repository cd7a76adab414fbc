package org.lectern.identity;

import java.time.Clock;
import java.util.UUID;
import org.lectern.audit.AuditAction;
import org.lectern.shared.error.NotFoundException;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Who must use a second factor. Each organisation chooses a {@link SecondFactorPolicy}; one that
 * never chose follows the installation's default (everyone who can see personal data). Platform
 * administrators see everything, so they need one unless the installation's default is OFFERED —
 * which only test installations set (lectern.second-factor.default-policy).
 */
@Service
public class SecondFactorRules {

  private final SecondFactorRepository factors;
  private final ObjectProvider<ProgrammeRoles> programmeRoles;
  private final Accounts accounts;
  private final Clock clock;
  private final SecondFactorPolicy fallback;

  SecondFactorRules(
      SecondFactorRepository factors,
      ObjectProvider<ProgrammeRoles> programmeRoles,
      Accounts accounts,
      Clock clock,
      @Value("${lectern.second-factor.default-policy:PERSONAL_DATA}") String fallback) {
    this.factors = factors;
    this.programmeRoles = programmeRoles;
    this.accounts = accounts;
    this.clock = clock;
    this.fallback =
        SecondFactorPolicy.parse(fallback)
            .orElseThrow(
                () ->
                    new IllegalStateException(
                        "lectern.second-factor.default-policy must be PERSONAL_DATA, EVERYONE or"
                            + " OFFERED"));
  }

  boolean required(LecternUser user) {
    if (user.platformAdmin() && fallback != SecondFactorPolicy.OFFERED) {
      return true;
    }
    if (factors.requiredOfMembers(user.id(), fallback.name())) {
      return true;
    }
    // Organisers and door staff of a programme see personal data; under EVERYONE everyone counts.
    return programmeRoles.stream()
        .flatMap(roles -> roles.heldBy(user.id()).stream())
        .anyMatch(
            held -> {
              SecondFactorPolicy p = policy(held.organisationId());
              return p == SecondFactorPolicy.EVERYONE
                  || (p == SecondFactorPolicy.PERSONAL_DATA
                      && (held.role().equals("ORGANISER") || held.role().equals("DOOR")));
            });
  }

  /** The organisation's policy (its own choice or the installation's default). */
  public SecondFactorPolicy policy(UUID organisationId) {
    return factors.policy(organisationId).flatMap(SecondFactorPolicy::parse).orElse(fallback);
  }

  /**
   * Sets an organisation's policy; its administrators and platform administrators may. The caller
   * has asked for a fresh second factor (a policy change is a sensitive action).
   */
  @Transactional
  public void setPolicy(LecternUser actor, UUID organisationId, SecondFactorPolicy policy) {
    if (!actor.platformAdmin()
        && !accounts.administeredOrganisations(actor.id()).contains(organisationId)) {
      // Its members know the organisation (403); to anyone else it does not exist (404).
      if (accounts.memberOrganisations(actor.id()).contains(organisationId)) {
        throw new org.lectern.shared.error.ForbiddenException("organisation.forbidden");
      }
      throw new NotFoundException("organisation.notFound");
    }
    if (policy(organisationId) == policy && factors.policy(organisationId).isPresent()) {
      return;
    }
    factors.setPolicy(organisationId, policy.name(), clock.instant());
    accounts.record(actor, AuditAction.ACCOUNT_FACTOR_POLICY_CHANGED, actor.id(), organisationId);
  }
}
