package org.lectern.reporting;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.lectern.identity.LecternUser;
import org.lectern.organisation.Organisation;
import org.lectern.organisation.OrganisationService;
import org.lectern.programme.Programme;
import org.lectern.programme.ProgrammeAccess;
import org.lectern.programme.ProgrammeService;
import org.lectern.session.DeliveryMode;
import org.lectern.session.Session;
import org.lectern.session.SessionService;
import org.lectern.shared.database.Transactions;
import org.lectern.shared.error.ForbiddenException;
import org.lectern.shared.error.NotFoundException;
import org.springframework.stereotype.Service;

/**
 * The programmes of one organisation side by side: did reach widen when delivery moved online? For
 * the organisation's own members only (exact figures).
 */
@Service
record Comparison(
    OrganisationService organisations,
    ProgrammeService programmes,
    ProgrammeAccess access,
    SessionService sessions,
    ReportQueries queries,
    ReportService reports,
    Transactions transactions) {

  /** One programme's reach; {@code mode} is ONLINE, IN_PERSON, HYBRID or MIXED. */
  record Entry(
      Programme programme,
      List<Session> sessions,
      String mode,
      int registrations,
      int delegates,
      Map<String, Integer> regions,
      int regionsReached,
      int outside,
      double share) {}

  record Result(Organisation organisation, List<Entry> entries) {}

  Organisation manageable(LecternUser actor, UUID organisationId) {
    Organisation o =
        organisations
            .find(organisationId)
            .orElseThrow(() -> new NotFoundException("reporting.organisationNotFound"));
    if (!access.canCreateIn(actor, organisationId)) {
      throw new ForbiddenException("reporting.forbidden");
    }
    return o;
  }

  Result of(LecternUser actor, UUID organisationId) {
    return transactions.read(
        () -> {
          Organisation o = manageable(actor, organisationId);
          List<String> main = reports.mainCentres(organisationId);
          List<Entry> entries = new ArrayList<>();
          for (var reach : queries.reachOf(organisationId)) {
            Programme p = programmes.find(reach.programmeId()).orElseThrow();
            List<Session> list = sessions.ofProgramme(p.id());
            int reached =
                (int)
                    reach.regions().entrySet().stream()
                        .filter(e -> e.getKey().startsWith("KZ-") && e.getValue() > 0)
                        .count();
            int outside =
                reach.regions().entrySet().stream()
                    .filter(e -> Publication.isOutside(e.getKey(), main))
                    .mapToInt(Map.Entry::getValue)
                    .sum();
            entries.add(
                new Entry(
                    p,
                    list,
                    mode(list),
                    reach.registrations(),
                    reach.delegates(),
                    reach.regions(),
                    reached,
                    outside,
                    reach.delegates() == 0 ? 0 : (double) outside / reach.delegates()));
          }
          entries.sort(
              Comparator.comparing(
                  (Entry e) ->
                      e.sessions().stream()
                          .map(Session::startsAt)
                          .min(Comparator.naturalOrder())
                          .orElse(e.programme().createdAt())));
          return new Result(o, entries);
        });
  }

  static String mode(List<Session> list) {
    var modes = list.stream().map(Session::mode).distinct().toList();
    if (modes.isEmpty()) {
      return "NONE";
    }
    return modes.size() == 1
        ? modes.get(0).name()
        : modes.contains(DeliveryMode.HYBRID) ? "HYBRID" : "MIXED";
  }
}
