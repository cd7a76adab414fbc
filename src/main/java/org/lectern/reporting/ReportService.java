package org.lectern.reporting;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.lectern.identity.LecternUser;
import org.lectern.organisation.OrganisationService;
import org.lectern.programme.Programme;
import org.lectern.programme.ProgrammeAccess;
import org.lectern.programme.ProgrammeRole;
import org.lectern.programme.ProgrammeService;
import org.lectern.reference.Region;
import org.lectern.reference.Regions;
import org.lectern.registration.Vocabulary;
import org.lectern.session.SessionService;
import org.lectern.shared.error.ForbiddenException;
import org.lectern.shared.error.NotFoundException;
import org.springframework.stereotype.Service;

/**
 * Programme reports: organisers see exact figures, funders (role FUNDER on the programme) the same
 * aggregates with small numbers hidden. Everyone else gets 404 (cannot see) or 403 (may see the
 * programme but not its report).
 */
@Service
public record ReportService(
    ProgrammeService programmes,
    SessionService sessions,
    OrganisationService organisations,
    ReportQueries queries,
    Figures figures,
    Regions regions,
    ProgrammeAccess access,
    ReportSnapshotRepository snapshots) {

  /** Who is looking: an organiser (exact figures) or a funder (suppressed). */
  public enum Audience {
    ORGANISER,
    FUNDER
  }

  /** The audience the actor belongs to for this programme; 404/403 when neither. */
  public Audience audienceOf(LecternUser actor, UUID programmeId) {
    Programme p = programmes.visible(actor, programmeId);
    if (programmes.canManage(actor, p)) {
      return Audience.ORGANISER;
    }
    if (programmes.hasRole(actor, p, ProgrammeRole.FUNDER)) {
      return Audience.FUNDER;
    }
    throw new ForbiddenException("reporting.forbidden");
  }

  /**
   * The report as the actor may see it. A funder gets the latest published snapshot (404 {@code
   * report.notPublished} before the first), never live figures. An organiser gets the exact
   * figures, or with {@code asFunder} what a snapshot published now would show.
   */
  public PublishedReport report(LecternUser actor, UUID programmeId, boolean asFunder) {
    Audience audience = audienceOf(actor, programmeId);
    if (audience == Audience.FUNDER) {
      return snapshots
          .latest(programmeId)
          .orElseThrow(() -> new NotFoundException("report.notPublished"))
          .report();
    }
    return asFunder ? funderPreview(programmeId) : Publication.exact(figures(programmeId));
  }

  /** What a snapshot published now would hold, checked with every earlier one. */
  PublishedReport funderPreview(UUID programmeId) {
    return Publication.forFunder(figures(programmeId), snapshots.reports(programmeId));
  }

  /**
   * When the programme's report was last published to its funders, and with which note; empty
   * before the first snapshot. For other features (e.g. a programme overview's "not yet published
   * to funders").
   */
  public Optional<ReportSnapshot> lastPublication(UUID programmeId) {
    return snapshots.last(programmeId);
  }

  ProgrammeFigures figures(UUID programmeId) {
    Programme p = programmes.find(programmeId).orElseThrow();
    List<String> main = mainCentres(p.organisationId());
    var recorded = figures.attendance().of(programmeId);
    var population = queries.population(programmeId, recorded.isPresent());
    Map<String, Breakdown> filled = filled(population.confirmed());
    Optional<AttendanceSummary> attendance =
        recorded.map(
            a ->
                new AttendanceSummary(
                    population.attended(), population.completed(), a.sessions(), a.rule()));
    Map<String, Breakdown> completed = new LinkedHashMap<>();
    if (attendance.isPresent()) {
      completed.putAll(filled(population.completedBy()));
    }
    int outside =
        filled.get("region").cells().stream()
            .filter(c -> Publication.isOutside(c.value(), main))
            .mapToInt(Cell::count)
            .sum();
    var certified = figures.certificates().issued(programmeId);
    return new ProgrammeFigures(
        p,
        population.byStatus(),
        queries.invited(programmeId),
        filled,
        main,
        outside,
        sessions.publishedOfProgramme(programmeId),
        attendance,
        certified.isPresent() ? certified.getAsInt() : null,
        completed,
        figures.learning().of(programmeId));
  }

  List<String> mainCentres(UUID organisationId) {
    return organisations
        .find(organisationId)
        .map(o -> o.mainCentres())
        .filter(m -> !m.isEmpty())
        .orElse(OrganisationService.DEFAULT_MAIN_CENTRES);
  }

  /** Every known value of each attribute, in a fixed order, zeros included; then the rest. */
  private Map<String, Breakdown> filled(Map<String, Breakdown> raw) {
    Map<String, Breakdown> out = new LinkedHashMap<>();
    raw.forEach((dim, b) -> out.put(dim, fill(b, known(dim))));
    return out;
  }

  private List<String> known(String dim) {
    return switch (dim) {
      case "region" -> {
        List<String> codes = new ArrayList<>(regions.all().stream().map(Region::code).toList());
        codes.add(Regions.OTHER);
        yield codes;
      }
      case "gender" -> Vocabulary.GENDERS;
      case "profession" -> Vocabulary.PROFESSIONS;
      case "years" -> Vocabulary.YEARS_BANDS;
      case "language" -> Vocabulary.LANGUAGES;
      default -> List.of();
    };
  }

  private static Breakdown fill(Breakdown b, List<String> known) {
    List<Cell> cells = new ArrayList<>();
    known.forEach(v -> cells.add(new Cell(v, b.count(v))));
    b.cells().stream()
        .filter(c -> !known.contains(c.value()) && c.count() > 0)
        .sorted(java.util.Comparator.comparing(Cell::value))
        .forEach(cells::add);
    if (cells.stream().noneMatch(c -> c.value().equals(ReportQueries.UNKNOWN))) {
      cells.add(new Cell(ReportQueries.UNKNOWN, 0));
    }
    return new Breakdown(b.name(), cells, b.total());
  }

  /**
   * Where the actor compares this programme with the organisation's others, when they may (they
   * belong to the organisation); null otherwise.
   */
  String comparisonLink(LecternUser actor, UUID programmeId) {
    UUID org = organisationOf(programmeId);
    return org != null && access.canCreateIn(actor, org)
        ? "/admin/organisations/" + org + "/comparison"
        : null;
  }

  UUID organisationOf(UUID programmeId) {
    return programmes.find(programmeId).map(Programme::organisationId).orElse(null);
  }
}
