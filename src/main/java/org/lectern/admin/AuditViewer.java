package org.lectern.admin;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.UUID;
import org.lectern.audit.AuditAction;
import org.lectern.audit.AuditEntry;
import org.lectern.audit.AuditFilter;
import org.lectern.audit.AuditLog;
import org.lectern.identity.Accounts;
import org.lectern.identity.LecternUser;
import org.lectern.programme.Programme;
import org.lectern.programme.ProgrammeService;
import org.lectern.shared.database.Transactions;
import org.lectern.shared.error.ForbiddenException;
import org.lectern.shared.error.InvalidInputException;
import org.springframework.stereotype.Service;

/**
 * Who may read which audit entries: platform administrators all of them, an organisation's
 * administrators those of their organisations. Turns the typed filter into an {@link AuditFilter}.
 */
@Service
record AuditViewer(
    AuditLog audit, Accounts accounts, ProgrammeService programmes, Transactions transactions) {

  static final int PAGE = 50;
  static final int MAX_EXPORT = 10_000;

  /** The organisations whose entries the actor reads; null for every entry; refused for others. */
  List<UUID> scope(LecternUser actor) {
    if (actor.platformAdmin()) {
      return null;
    }
    var orgs = List.copyOf(accounts.administeredOrganisations(actor.id()));
    if (orgs.isEmpty()) {
      throw new ForbiddenException("audit.viewer.forbidden");
    }
    return orgs;
  }

  /** The filter for the form; refuses what does not parse, field by field. */
  AuditFilter filter(List<UUID> scope, AuditFilterForm f, ZoneId zone) {
    var problems = new InvalidInputException.Collector();
    UUID person = uuid(f.person(), "person", problems);
    UUID programme = uuid(f.programme(), "programme", problems);
    String action = f.action().isEmpty() ? null : f.action();
    problems.check(
        action == null || AuditAction.ofCode(action).isPresent(), "action", "validation.choice");
    LocalDate from = date(f.from(), "from", problems);
    LocalDate to = date(f.to(), "to", problems);
    problems.check(from == null || to == null || !to.isBefore(from), "to", "audit.viewer.range");
    problems.throwIfAny();
    return new AuditFilter(
        scope,
        person,
        action,
        programme,
        from == null ? null : from.atStartOfDay(zone).toInstant(),
        to == null ? null : to.plusDays(1).atStartOfDay(zone).toInstant());
  }

  List<AuditEntry> page(AuditFilter filter, int page) {
    return audit.search(filter, PAGE + 1, (page - 1) * PAGE);
  }

  List<AuditEntry.Actor> people(List<UUID> scope) {
    return audit.actors(new AuditFilter(scope));
  }

  /** The programmes of the actor's organisations, for the filter and to name entries. */
  List<Programme> programmes(LecternUser actor, List<UUID> scope) {
    return programmes.visibleTo(actor, 500, 0).items().stream()
        .filter(p -> scope == null || scope.contains(p.organisationId()))
        .toList();
  }

  /** The entries for a CSV file; the export is itself an entry of the log. */
  List<AuditEntry> export(LecternUser actor, List<UUID> scope, AuditFilter filter) {
    return transactions.result(
        () -> {
          var entries = audit.search(filter, MAX_EXPORT, 0);
          // One entry in each organisation whose log was exported, so each one's administrators see
          // it.
          List<UUID> orgs = scope == null ? java.util.Collections.singletonList(null) : scope;
          for (UUID org : orgs) {
            audit.record(
                new AuditLog.Record(
                    actor.id(),
                    actor.displayName(),
                    AuditAction.AUDIT_EXPORTED.code(),
                    org,
                    "audit",
                    null,
                    entries.size(),
                    null,
                    filter.programmeId()));
          }
          return entries;
        });
  }

  private static UUID uuid(String s, String field, InvalidInputException.Collector problems) {
    if (s.isEmpty()) {
      return null;
    }
    try {
      return UUID.fromString(s);
    } catch (IllegalArgumentException e) {
      problems.add(field, "validation.choice");
      return null;
    }
  }

  private static LocalDate date(String s, String field, InvalidInputException.Collector problems) {
    if (s.isEmpty()) {
      return null;
    }
    try {
      LocalDate d = LocalDate.parse(s);
      if (d.getYear() < 2000 || d.getYear() > 2200) {
        problems.add(field, "audit.viewer.date");
        return null;
      }
      return d;
    } catch (DateTimeParseException e) {
      problems.add(field, "audit.viewer.date");
      return null;
    }
  }
}
