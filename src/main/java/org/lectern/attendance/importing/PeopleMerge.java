package org.lectern.attendance.importing;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.UnaryOperator;
import org.lectern.attendance.report.Interval;
import org.lectern.attendance.report.Intervals;
import org.lectern.attendance.report.ReportedParticipant;

/**
 * Merges a plan into what a session already holds: the same person (same registration, else same
 * e-mail, else same name key) keeps one row whose intervals are the union of all files — overlaps
 * are merged, never summed — and whose role is the most significant seen.
 */
final class PeopleMerge {

  /** The rows to write; {@code existing[i]} says row i is already stored. */
  record Result(List<StoredPerson> people, boolean[] existing) {}

  private PeopleMerge() {}

  /** {@code blind} turns a clear identity ("e:…", "n:…") into the stored person key. */
  static Result merge(
      ImportPlan plan, Map<String, StoredPerson> stored, UnaryOperator<String> blind) {
    Map<String, StoredPerson> merged = new LinkedHashMap<>();
    for (PlannedPerson pp : plan.people()) {
      ReportedParticipant p = pp.participant();
      String key = keyOf(pp, blind);
      StoredPerson before = merged.containsKey(key) ? merged.get(key) : stored.get(key);
      merged.put(key, combine(before, key, pp));
    }
    List<StoredPerson> people = new ArrayList<>(merged.values());
    boolean[] existing = new boolean[people.size()];
    Map<UUID, Boolean> storedIds = new HashMap<>();
    stored.values().forEach(s -> storedIds.put(s.id(), true));
    for (int i = 0; i < people.size(); i++) {
      existing[i] = storedIds.containsKey(people.get(i).id());
    }
    return new Result(people, existing);
  }

  static String keyOf(PlannedPerson pp, UnaryOperator<String> blind) {
    if (pp.match().isMatched()) {
      return "r:" + pp.match().registrationId();
    }
    ReportedParticipant p = pp.participant();
    if (p.email() != null) {
      return blind.apply("e:" + p.email().toLowerCase(Locale.ROOT));
    }
    String name = NameKey.of(p.name());
    return blind.apply("n:" + (name.isEmpty() ? p.name() : name));
  }

  private static StoredPerson combine(StoredPerson before, String key, PlannedPerson pp) {
    ReportedParticipant p = pp.participant();
    UUID registration = pp.match().isMatched() ? pp.match().registrationId() : null;
    if (before == null) {
      return new StoredPerson(
          UUID.randomUUID(),
          key,
          registration,
          p.name(),
          p.email(),
          p.role(),
          p.reportedMinutes(),
          p.intervals());
    }
    List<Interval> all = new ArrayList<>(before.online());
    all.addAll(p.intervals());
    Integer minutes = max(before.reportedMinutes(), p.reportedMinutes());
    return new StoredPerson(
        before.id(),
        key,
        registration != null ? registration : before.registrationId(),
        p.name(),
        p.email() != null ? p.email() : before.email(),
        before.role().strongest(p.role()),
        minutes,
        Intervals.union(all));
  }

  private static Integer max(Integer a, Integer b) {
    if (a == null) {
      return b;
    }
    return b == null ? a : Math.max(a, b);
  }
}
