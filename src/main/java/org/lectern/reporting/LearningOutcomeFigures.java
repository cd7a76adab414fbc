package org.lectern.reporting;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.lectern.learning.LearningOutcomes;
import org.lectern.learning.LearningOutcomes.Outcome;
import org.lectern.reference.Region;
import org.lectern.reference.Regions;
import org.lectern.registration.Vocabulary;
import org.springframework.stereotype.Component;

/**
 * The report's learning figures from the learning module's outcomes of confirmed delegates (stored
 * attempts and survey answers), broken down by the clear gender and region columns of their
 * registrations. An anonymous survey answer counts under "unknown" in the breakdowns.
 */
@Component
record LearningOutcomeFigures(LearningOutcomes outcomes, Regions regions)
    implements LearningFigures {

  @Override
  public Optional<LearningSummary> of(UUID programmeId) {
    List<Outcome> people = outcomes.of(programmeId);
    if (people.isEmpty()) {
      return Optional.empty();
    }
    Map<String, Integer> counts = new LinkedHashMap<>();
    COUNTS.forEach(k -> counts.put(k, 0));
    people.forEach(p -> p.in().forEach(k -> counts.merge(k, 1, Integer::sum)));
    double pre = 0;
    double post = 0;
    for (Outcome p : people) {
      if (p.in().contains("paired")) {
        pre += p.pre();
        post += p.post();
      }
    }
    int paired = counts.get("paired");
    Map<String, Breakdown> breakdowns = new LinkedHashMap<>();
    for (String k : BROKEN_DOWN) {
      for (String dim : DIMENSIONS) {
        breakdowns.put(k + "." + dim, breakdown(k, dim, people));
      }
    }
    return Optional.of(
        new LearningSummary(
            counts,
            paired == 0 ? null : pre / paired,
            paired == 0 ? null : post / paired,
            breakdowns));
  }

  private Breakdown breakdown(String count, String dim, List<Outcome> people) {
    Map<String, Integer> n = new HashMap<>();
    int total = 0;
    for (Outcome p : people) {
      if (p.in().contains(count)) {
        String v = dim.equals("gender") ? p.gender() : p.region();
        n.merge(v == null ? ReportQueries.UNKNOWN : v, 1, Integer::sum);
        total++;
      }
    }
    List<String> known = new ArrayList<>();
    if (dim.equals("gender")) {
      known.addAll(Vocabulary.GENDERS);
    } else {
      regions.all().stream().map(Region::code).forEach(known::add);
      known.add(Regions.OTHER);
    }
    List<Cell> cells = new ArrayList<>();
    known.forEach(v -> cells.add(new Cell(v, n.getOrDefault(v, 0))));
    n.keySet().stream()
        .filter(v -> !known.contains(v) && !v.equals(ReportQueries.UNKNOWN))
        .sorted()
        .forEach(v -> cells.add(new Cell(v, n.get(v))));
    cells.add(new Cell(ReportQueries.UNKNOWN, n.getOrDefault(ReportQueries.UNKNOWN, 0)));
    return new Breakdown(dim, cells, total);
  }
}
