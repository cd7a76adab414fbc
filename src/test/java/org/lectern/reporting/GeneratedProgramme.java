package org.lectern.reporting;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.UUID;
import org.lectern.programme.Programme;
import org.lectern.programme.PublicationStatus;
import org.lectern.session.DeliveryMode;
import org.lectern.session.Session;
import org.lectern.session.SessionInput;
import org.lectern.shared.i18n.LocalizedText;

/**
 * A programme made of people, for the adversarial tests: each delegate has a status, attributes and
 * what they attended; the figures are counted from them the way the database counts, so every
 * relation a reader may assume really holds. Also gives the exact value behind every key the
 * auditor reads.
 */
final class GeneratedProgramme {

  static final List<String> STATUSES =
      List.of("CONFIRMED", "WAITLISTED", "PENDING", "DECLINED", "CANCELLED");
  static final List<String> MAIN = List.of("KZ-75", "KZ-71");
  private static final UUID PROGRAMME = UUID.fromString("00000000-0000-0000-0000-00000000a001");

  /** One registration; {@code present[i]}: 0 absent, 1 online, 2 in the room, 3 both. */
  record Person(
      String status,
      Map<String, String> attributes,
      int[] present,
      boolean completed,
      boolean certified,
      int learning) {}

  final List<Person> people;
  final List<UUID> sessions;
  final int invited;
  final boolean attendance;
  final boolean withLearning;

  GeneratedProgramme(
      List<Person> people, List<UUID> sessions, int invited, boolean attendance, boolean learning) {
    this.people = people;
    this.sessions = sessions;
    this.invited = invited;
    this.attendance = attendance;
    this.withLearning = learning;
  }

  /** A random programme of {@code n} registrations over a few regions and values. */
  static GeneratedProgramme random(Random r, int n, int sessionCount) {
    var universes = FunderAuditor.universes();
    List<String> regions = pick(r, universes.get("region"), 1 + r.nextInt(8));
    List<UUID> sessions = new ArrayList<>();
    for (int i = 0; i < sessionCount; i++) {
      sessions.add(new UUID(0xabc, r.nextLong()));
    }
    List<Person> people = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      people.add(person(r, universes, regions, sessionCount));
    }
    return new GeneratedProgramme(
        people, sessions, r.nextInt(3) * r.nextInt(40), r.nextInt(4) > 0, r.nextBoolean());
  }

  static Person person(
      Random r, Map<String, List<String>> universes, List<String> regions, int sessionCount) {
    String status = STATUSES.get(r.nextInt(10) < 6 ? 0 : r.nextInt(STATUSES.size()));
    Map<String, String> a = new LinkedHashMap<>();
    a.put("region", r.nextInt(12) == 0 ? "unknown" : regions.get(r.nextInt(regions.size())));
    for (String dim : List.of("gender", "profession", "years", "language")) {
      List<String> u = universes.get(dim);
      a.put(dim, r.nextInt(15) == 0 ? "unknown" : u.get(r.nextInt(Math.min(u.size(), 3))));
    }
    int[] present = new int[sessionCount];
    for (int i = 0; i < sessionCount; i++) {
      present[i] = r.nextInt(3) == 0 ? 0 : 1 + r.nextInt(r.nextInt(6) == 0 ? 3 : 2);
    }
    boolean any = java.util.Arrays.stream(present).anyMatch(p -> p > 0);
    boolean completed = any && r.nextInt(3) > 0;
    return new Person(status, a, present, completed, completed && r.nextBoolean(), r.nextInt(1024));
  }

  private static List<String> pick(Random r, List<String> all, int k) {
    List<String> copy = new ArrayList<>(all);
    java.util.Collections.shuffle(copy, r);
    return copy.subList(0, Math.min(k, copy.size()));
  }

  private boolean confirmed(Person p) {
    return p.status().equals("CONFIRMED");
  }

  private boolean attended(Person p) {
    return attendance && confirmed(p) && java.util.Arrays.stream(p.present()).anyMatch(x -> x > 0);
  }

  private boolean completed(Person p) {
    return attendance && confirmed(p) && p.completed();
  }

  /** The exact figures, as ReportService would count them. */
  ProgrammeFigures figures() {
    var universes = FunderAuditor.universes();
    Map<String, Integer> byStatus = new LinkedHashMap<>();
    people.forEach(p -> byStatus.merge(p.status(), 1, Integer::sum));
    Map<String, Breakdown> breakdowns = new LinkedHashMap<>();
    Map<String, Breakdown> completedBy = new LinkedHashMap<>();
    for (String dim : List.of("region", "gender", "profession", "years", "language")) {
      breakdowns.put(
          dim,
          breakdown(dim, universes.get(dim), people.stream().filter(this::confirmed).toList()));
    }
    if (attendance) {
      for (String dim : List.of("gender", "region", "profession")) {
        completedBy.put(
            dim,
            breakdown(dim, universes.get(dim), people.stream().filter(this::completed).toList()));
      }
    }
    int outside =
        (int)
            people.stream()
                .filter(this::confirmed)
                .filter(p -> Publication.isOutside(p.attributes().get("region"), MAIN))
                .count();
    List<Session> list = new ArrayList<>();
    List<AttendanceSummary.SessionCount> counts = new ArrayList<>();
    for (int i = 0; i < sessions.size(); i++) {
      list.add(session(sessions.get(i), i));
      int present = 0;
      int online = 0;
      int room = 0;
      int byRecording = 0;
      for (Person p : people) {
        if (confirmed(p) && p.present()[i] == 0 && completed(p)) {
          byRecording++; // completed without this session: caught up by its recording
        }
        if (confirmed(p) && p.present()[i] > 0) {
          present++;
          online += (p.present()[i] & 1) != 0 ? 1 : 0;
          room += (p.present()[i] & 2) != 0 ? 1 : 0;
        }
      }
      counts.add(
          new AttendanceSummary.SessionCount(
              sessions.get(i), present, online, room, room / 2, byRecording));
    }
    Optional<AttendanceSummary> summary =
        attendance
            ? Optional.of(
                new AttendanceSummary(
                    (int) people.stream().filter(this::attended).count(),
                    (int) people.stream().filter(this::completed).count(),
                    counts,
                    new AttendanceSummary.Rule(
                        75, Math.max(1, sessions.size() - 1), sessions.size())))
            : Optional.empty();
    Integer certified =
        attendance
            ? (int) people.stream().filter(p -> completed(p) && p.certified()).count()
            : null;
    return new ProgrammeFigures(
        programme(),
        byStatus,
        invited,
        breakdowns,
        MAIN,
        outside,
        list,
        summary,
        certified,
        completedBy,
        withLearning ? Optional.of(learning()) : Optional.empty());
  }

  /**
   * Which learning counts a person is in, from the bits of {@code learning}: 1 pre-test, 2
   * post-test, 4 improved (when both), 8 passed (when post), 16 surveyed, 32 satisfied and 64
   * relevant (when surveyed), 128 follow-up answered, 256 used in practice (when answered).
   */
  static java.util.Set<String> learningOf(int l) {
    java.util.Set<String> in = new java.util.LinkedHashSet<>();
    boolean pre = (l & 1) != 0;
    boolean post = (l & 2) != 0;
    if (pre) in.add("preTested");
    if (post) in.add("postTested");
    if (pre && post) in.add("paired");
    if (pre && post && (l & 4) != 0) in.add("improved");
    if (post && (l & 8) != 0) in.add("passed");
    if ((l & 16) != 0) {
      in.add("surveyed");
      if ((l & 32) != 0) in.add("satisfied");
      if ((l & 64) != 0) in.add("relevant");
    }
    if ((l & 128) != 0) {
      in.add("followUpAnswered");
      if ((l & 256) != 0) in.add("usedInPractice");
    }
    return in;
  }

  private LearningFigures.LearningSummary learning() {
    var universes = FunderAuditor.universes();
    Map<String, Integer> counts = new LinkedHashMap<>();
    LearningFigures.COUNTS.forEach(k -> counts.put(k, 0));
    Map<String, Breakdown> breakdowns = new LinkedHashMap<>();
    List<Person> confirmed = people.stream().filter(this::confirmed).toList();
    for (Person p : confirmed) {
      learningOf(p.learning()).forEach(k -> counts.merge(k, 1, Integer::sum));
    }
    for (String k : LearningFigures.BROKEN_DOWN) {
      List<Person> who =
          confirmed.stream().filter(p -> learningOf(p.learning()).contains(k)).toList();
      for (String dim : LearningFigures.DIMENSIONS) {
        breakdowns.put(k + "." + dim, breakdown(dim, universes.get(dim), who));
      }
    }
    return new LearningFigures.LearningSummary(counts, null, null, breakdowns);
  }

  private static Breakdown breakdown(String dim, List<String> known, List<Person> who) {
    Map<String, Integer> counts = new LinkedHashMap<>();
    who.forEach(p -> counts.merge(p.attributes().get(dim), 1, Integer::sum));
    List<Cell> cells = new ArrayList<>();
    known.forEach(v -> cells.add(new Cell(v, counts.getOrDefault(v, 0))));
    cells.add(new Cell("unknown", counts.getOrDefault("unknown", 0)));
    return new Breakdown(dim, cells, who.size());
  }

  /** The exact value behind every key the auditor reads. */
  Map<String, Integer> truth() {
    var f = figures();
    Map<String, Integer> t = new LinkedHashMap<>();
    t.put("invited", invited);
    t.put("registered", people.size());
    STATUSES.forEach(s -> t.put("status." + s, f.byStatus().getOrDefault(s, 0)));
    f.breakdowns()
        .values()
        .forEach(b -> b.cells().forEach(c -> t.put("by." + b.name() + "." + c.value(), c.count())));
    f.completedBreakdowns()
        .values()
        .forEach(
            b ->
                b.cells()
                    .forEach(c -> t.put("completed." + b.name() + "." + c.value(), c.count())));
    t.put("outside", f.outside());
    f.attendance()
        .ifPresent(
            a -> {
              t.put("attended", a.attendedAtLeastOne());
              t.put("completed", a.completed());
              a.sessions()
                  .forEach(
                      s -> {
                        t.put("session." + s.sessionId() + ".present", s.delegates());
                        t.put("session." + s.sessionId() + ".online", s.online());
                        t.put("session." + s.sessionId() + ".room", s.room());
                      });
            });
    t.put("certified", f.certified() == null ? 0 : f.certified());
    f.learning()
        .ifPresent(
            l -> {
              l.counts().forEach((k, n) -> t.put("learning." + k, n));
              l.breakdowns()
                  .forEach(
                      (k, b) ->
                          b.cells()
                              .forEach(c -> t.put("learning." + k + "." + c.value(), c.count())));
            });
    return t;
  }

  static Programme programme() {
    var now = Instant.parse("2026-01-01T00:00:00Z");
    return new Programme(
        PROGRAMME,
        UUID.fromString("00000000-0000-0000-0000-00000000b001"),
        "generated",
        LocalizedText.of("en", "Generated"),
        LocalizedText.empty(),
        List.of("en"),
        ZoneId.of("Asia/Almaty"),
        BigDecimal.ONE,
        null,
        true,
        false,
        PublicationStatus.PUBLISHED,
        1,
        now,
        now);
  }

  private static Session session(UUID id, int i) {
    var at = Instant.parse("2026-02-01T10:00:00Z").plusSeconds(86400L * i);
    var input =
        new SessionInput(
            LocalizedText.of("en", "Session " + (i + 1)),
            LocalizedText.empty(),
            at,
            at.plusSeconds(3600),
            DeliveryMode.HYBRID,
            LocalizedText.empty(),
            null,
            "en",
            List.of(),
            List.of(14),
            null,
            null);
    return new Session(id, PROGRAMME, input, PublicationStatus.PUBLISHED, i, at, at);
  }
}
