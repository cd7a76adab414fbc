package org.lectern.reporting;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.lectern.reference.Region;
import org.lectern.reference.Regions;
import org.lectern.registration.Vocabulary;
import org.ojalgo.optimisation.Expression;
import org.ojalgo.optimisation.ExpressionsBasedModel;
import org.ojalgo.optimisation.Optimisation;
import org.ojalgo.optimisation.Variable;
import tools.jackson.databind.JsonNode;

/**
 * The adversary of ADR 0017, written apart from the production code: it reads the funder's report
 * as the API sends it (JSON), writes down everything a funder knows — what each marker means, that
 * an absent row is 0, the sums, the funnel and status table agreeing, completed ≤ registered per
 * category, present ≤ online + in the room (= when it is so), the share of delegates outside the
 * main centres — and minimises and maximises every hidden count by integer programming (ojAlgo).
 *
 * <p>Relations that are not always true (present = online + room, completed ≤ registered) are given
 * to it whenever they hold for the exact figures the test made: a reader may guess them.
 */
final class FunderAuditor {

  static {
    ExpressionsBasedModel.clearPresolvers(); // BigDecimal presolving is slow; not needed
  }

  /** How far apart two possible values of a hidden count must be (the reader's uncertainty). */
  static final int WIDTH = 2;

  /** A hidden position and the values it can take, as far as checked solutions show. */
  record Range(String key, int truth, long min, long max) {
    boolean narrow() {
      return max - min < WIDTH;
    }

    boolean pinned() {
      return min == max;
    }
  }

  private final Map<String, String> vars = new LinkedHashMap<>();
  private final List<Lin> constraints = new ArrayList<>();

  /** lo ≤ Σ c·x ≤ hi over hidden positions (visible ones already moved to the bounds). */
  private record Lin(Map<String, Double> coefficients, Double lo, Double hi) {}

  private final Map<String, Long> fixed = new LinkedHashMap<>();
  private final Map<String, Integer> truth;
  private final List<String> visibleSmall = new ArrayList<>();
  private final int bound;

  /**
   * @param truth the exact figure behind every key (keys as {@link #keys} names them)
   */
  FunderAuditor(JsonNode report, Map<String, Integer> truth) {
    this(report, truth, true);
  }

  private final boolean relations;

  private FunderAuditor(JsonNode report, Map<String, Integer> truth, boolean relations) {
    this.truth = truth;
    this.relations = relations;
    this.bound = 2 * truth.values().stream().mapToInt(Integer::intValue).max().orElse(0) + 10;
    read(report);
  }

  /** The numbers a report shows, by key (markers left out). */
  static Map<String, Long> visibleOf(JsonNode report) {
    return new FunderAuditor(report, Map.of(), false).fixed;
  }

  /** The exact figure behind every key, read from the organiser's report (all numbers). */
  static Map<String, Integer> truthOf(JsonNode exact) {
    var a = new FunderAuditor(exact, Map.of(), false);
    Map<String, Integer> t = new LinkedHashMap<>();
    a.fixed.forEach((k, v) -> t.put(k, v.intValue()));
    return t;
  }

  private void read(JsonNode r) {
    List<String> withheld = new ArrayList<>();
    r.path("withheld").forEach(n -> withheld.add(n.asString()));
    put("registered", r.at("/registrations/total"));
    put("registered", r.at("/funnel/registered"));
    r.at("/registrations/byStatus")
        .properties()
        .forEach(e -> put("status." + e.getKey(), e.getValue()));
    put("status.CONFIRMED", r.at("/funnel/confirmed"));
    put("invited", r.at("/funnel/invited"));
    put("attended", r.at("/funnel/attended"));
    put("attended", r.at("/attendance/attendedAtLeastOne"));
    put("completed", r.at("/funnel/completed"));
    put("completed", r.at("/attendance/completed"));
    put("certified", r.at("/funnel/certified"));
    put("certified", r.at("/certificates/issued"));
    List<String> statuses = new ArrayList<>();
    r.at("/registrations/byStatus").propertyNames().forEach(s -> statuses.add("status." + s));
    if (!withheld.contains("registrations.byStatus")) {
      equal("registered", statuses);
    } else {
      atMostIfTrue("status.CONFIRMED", "registered");
    }
    Map<String, List<String>> universes = universes();
    Map<String, String> lists =
        Map.of(
            "region", "/byRegion",
            "gender", "/byGender",
            "profession", "/byProfession",
            "years", "/byYearsOfPractice",
            "language", "/byLanguage");
    lists.forEach(
        (dim, path) -> {
          if (!withheld.contains(path.substring(1))) {
            list("by." + dim, r.at(path), universes.get(dim));
            equal("status.CONFIRMED", keysOf("by." + dim));
          }
        });
    var main = new ArrayList<String>();
    r.at("/outsideMainCentres/mainCentres").forEach(n -> main.add(n.asString()));
    Predicate<String> outside = c -> c.startsWith("KZ-") && !main.contains(c);
    if (!withheld.contains("outsideMainCentres")
        && !r.at("/outsideMainCentres/count").isMissingNode()
        && !r.at("/outsideMainCentres/count").isNull()) {
      put("outside", r.at("/outsideMainCentres/count"));
      equal(
          "outside",
          universes.get("region").stream().filter(outside).map(c -> "by.region." + c).toList());
      JsonNode share = r.at("/outsideMainCentres/share");
      if (share.isNumber()) {
        // outside / confirmed rounded to 3 places: (share - 0.0005) C <= outside <= (share +
        // 0.0005) C
        double s = share.asDouble();
        lin(Map.of("outside", 1.0, "status.CONFIRMED", -(s + 0.0005)), null, 0.0);
        lin(Map.of("outside", 1.0, "status.CONFIRMED", -(s - 0.0005)), 0.0, null);
      }
    }
    r.at("/attendance/sessions")
        .forEach(
            s -> {
              String k = "session." + s.get("id").asString() + ".";
              put(k + "present", s.get("present"));
              put(k + "online", s.get("online"));
              put(k + "room", s.get("room"));
              atMostIfTrue(k + "online", k + "present");
              atMostIfTrue(k + "room", k + "present");
              atMostIfTrue(k + "present", k + "online", k + "room");
              if (t(k + "present") == t(k + "online") + t(k + "room")) {
                equal(k + "present", List.of(k + "online", k + "room"));
              }
              atMostIfTrue(k + "present", "attended");
            });
    List<String> presents =
        keysOf("session.").stream().filter(k -> k.endsWith(".present")).toList();
    if (!presents.isEmpty()) {
      atMostIfTrue("attended", presents.toArray(String[]::new));
    }
    atMostIfTrue("attended", "status.CONFIRMED");
    atMostIfTrue("completed", "attended");
    atMostIfTrue("certified", "completed");
    atMostIfTrue("certified", "status.CONFIRMED");
    JsonNode done = r.get("completed");
    if (done != null && !done.isNull() && !withheld.contains("completed")) {
      Map<String, String> dl =
          Map.of("region", "/byRegion", "gender", "/byGender", "profession", "/byProfession");
      dl.forEach(
          (dim, path) -> {
            list("completed." + dim, done.at(path), universes.get(dim));
            equal("completed", keysOf("completed." + dim));
            for (String k : keysOf("completed." + dim)) {
              atMostIfTrue(k, "by." + k.substring("completed.".length()));
            }
          });
    }
    JsonNode l = r.get("learning");
    if (l != null && !l.isNull() && l.has("byGender")
        || l != null && l.has("byRegion")
        || l != null && l.has("withheld")) {
      for (String f : LearningFigures.COUNTS) {
        put("learning." + f, l.get(f));
      }
      String[][] parts = {
        {"paired", "improved"},
        {"postTested", "passed"},
        {"surveyed", "satisfied"},
        {"surveyed", "relevant"},
        {"followUpAnswered", "usedInPractice"}
      };
      for (String[] p : parts) {
        atMostIfTrue("learning." + p[1], "learning." + p[0]);
      }
      atMostIfTrue("learning.paired", "learning.preTested");
      atMostIfTrue("learning.paired", "learning.postTested");
      atMostIfTrue("learning.preTested", "status.CONFIRMED");
      atMostIfTrue("learning.postTested", "status.CONFIRMED");
      Map<String, String> byDim = Map.of("gender", "byGender", "region", "byRegion");
      byDim.forEach(
          (dim, field) -> {
            JsonNode by = l.get(field);
            if (by == null) {
              return;
            }
            for (String k : LearningFigures.BROKEN_DOWN) {
              if (by.has(k)) {
                list("learning." + k + "." + dim, by.get(k), universes.get(dim));
                equal("learning." + k, keysOf("learning." + k + "." + dim));
              }
            }
            for (String[] p : parts) {
              if (by.has(p[0]) && by.has(p[1])) {
                for (String k : keysOf("learning." + p[1] + "." + dim)) {
                  String v = k.substring(("learning." + p[1] + "." + dim + ".").length());
                  atMostIfTrue(k, "learning." + p[0] + "." + dim + "." + v);
                }
              }
            }
            for (String k : List.of("paired", "improved", "postTested", "passed")) {
              if (by.has(k)
                  && !withheld.contains(
                      "by" + Character.toUpperCase(dim.charAt(0)) + dim.substring(1))) {
                for (String key : keysOf("learning." + k + "." + dim)) {
                  atMostIfTrue(
                      key,
                      "by."
                          + dim
                          + "."
                          + key.substring(("learning." + k + "." + dim + ".").length()));
                }
              }
            }
          });
    }
  }

  /** Every value a funder knows each attribute can take (an absent row is 0). */
  static Map<String, List<String>> universes() {
    List<String> regions = new ArrayList<>(new Regions().all().stream().map(Region::code).toList());
    regions.add(Regions.OTHER);
    return Map.of(
        "region", regions,
        "gender", Vocabulary.GENDERS,
        "profession", Vocabulary.PROFESSIONS,
        "years", Vocabulary.YEARS_BANDS,
        "language", Vocabulary.LANGUAGES);
  }

  private void list(String prefix, JsonNode rows, List<String> universe) {
    List<String> seen = new ArrayList<>();
    for (JsonNode row : rows) {
      String v = row.has("code") ? row.get("code").asString() : row.get("value").asString();
      put(prefix + "." + v, row.get("count"));
      seen.add(v);
    }
    for (String v : universe) {
      if (!seen.contains(v)) {
        fix(prefix + "." + v, 0);
      }
    }
    if (!seen.contains("unknown")) {
      fix(prefix + ".unknown", 0);
    }
  }

  private List<String> keysOf(String prefix) {
    String p = prefix.endsWith(".") ? prefix : prefix + ".";
    List<String> out = new ArrayList<>();
    vars.keySet().stream().filter(k -> k.startsWith(p)).forEach(out::add);
    fixed.keySet().stream().filter(k -> k.startsWith(p)).forEach(out::add);
    return out;
  }

  private void put(String key, JsonNode n) {
    if (n == null || n.isMissingNode() || n.isNull()) {
      return;
    }
    if (n.isNumber()) {
      int v = n.asInt();
      if (v >= 1 && v <= 4 && relations) {
        visibleSmall.add(key + "=" + v);
      }
      fix(key, v);
      return;
    }
    String m = n.asString();
    if (!m.equals("<5") && !m.equals("hidden")) {
      throw new AssertionError("unknown marker " + m + " at " + key);
    }
    String before = vars.put(key, m);
    if (before != null && !before.equals(m)) {
      throw new AssertionError(key + " shown as " + before + " and " + m);
    }
    if (fixed.containsKey(key)) {
      throw new AssertionError(key + " shown both as a number and hidden");
    }
  }

  private void fix(String key, long v) {
    if (vars.containsKey(key)) {
      throw new AssertionError(key + " shown both as a number and hidden");
    }
    Long before = fixed.put(key, v);
    if (before != null && before != v) {
      throw new AssertionError(key + " shown as " + before + " and " + v);
    }
  }

  private int t(String key) {
    return truth.getOrDefault(key, 0);
  }

  /** total = Σ parts. */
  private void equal(String total, List<String> parts) {
    Map<String, Double> c = new LinkedHashMap<>();
    parts.forEach(p -> c.merge(p, 1.0, Double::sum));
    c.merge(total, -1.0, Double::sum);
    lin(c, 0.0, 0.0);
  }

  private void atMostIfTrue(String part, String... wholes) {
    if (!known(part) || java.util.Arrays.stream(wholes).anyMatch(w -> !known(w))) {
      return;
    }
    int sum = java.util.Arrays.stream(wholes).mapToInt(this::t).sum();
    if (t(part) <= sum) {
      Map<String, Double> c = new LinkedHashMap<>();
      c.merge(part, 1.0, Double::sum);
      for (String w : wholes) {
        c.merge(w, -1.0, Double::sum);
      }
      lin(c, null, 0.0);
    }
  }

  /** Whether the report publishes the count under {@code key} (as a number or a marker). */
  boolean known(String key) {
    return vars.containsKey(key) || fixed.containsKey(key);
  }

  /** lo ≤ Σ c·x ≤ hi, with fixed keys moved to the bounds. */
  private void lin(Map<String, Double> coefficients, Double lo, Double hi) {
    if (!relations) {
      return;
    }
    double constant = 0;
    Map<String, Double> hidden = new LinkedHashMap<>();
    boolean any = false;
    for (var entry : coefficients.entrySet()) {
      if (vars.containsKey(entry.getKey())) {
        hidden.merge(entry.getKey(), entry.getValue(), Double::sum);
        any = true;
      } else {
        constant += entry.getValue() * fixed.getOrDefault(entry.getKey(), 0L);
      }
    }
    if (!any) {
      double v = constant;
      if ((lo != null && v < lo - 1e-6) || (hi != null && v > hi + 1e-6)) {
        throw new AssertionError("published figures break a relation: " + coefficients);
      }
      return;
    }
    constraints.add(
        new Lin(hidden, lo == null ? null : lo - constant, hi == null ? null : hi - constant));
  }

  /**
   * The reader's integer programme: hidden positions, their markers, every relation. With {@code
   * restricted}, each hidden position stays on the side of its true value ("0" or "5 or more"): a
   * smaller problem without binaries whose solutions are all possible for the reader too.
   */
  private Map<String, Variable> build(ExpressionsBasedModel model, boolean restricted) {
    Map<String, Variable> x = new LinkedHashMap<>();
    vars.forEach(
        (key, marker) -> {
          Variable v = model.addVariable(key).integer(true).lower(0).upper(bound);
          if (marker.equals("<5")) {
            v.lower(1).upper(4);
          } else if (restricted) {
            if (t(key) == 0) {
              v.upper(0);
            } else {
              v.lower(5);
            }
          } else {
            // "hidden": 0 or at least 5 (1-4 would have been "<5")
            Variable b = model.addVariable("is5+." + key).binary();
            model.addExpression("lo." + key).lower(0).set(v, 1).set(b, -5);
            model.addExpression("hi." + key).upper(0).set(v, 1).set(b, -bound);
          }
          x.put(key, v);
        });
    int n = 0;
    for (Lin l : constraints) {
      Expression e = model.addExpression("r" + n++);
      l.coefficients().forEach((k, c) -> e.set(x.get(k), c));
      if (l.lo() != null) {
        e.lower(l.lo());
      }
      if (l.hi() != null) {
        e.upper(l.hi());
      }
    }
    return x;
  }

  /** Relations the exact figures break (there must be none, else the reader's model is wrong). */
  List<String> brokenByTruth() {
    Map<String, Long> truthPoint = new LinkedHashMap<>();
    vars.keySet().forEach(k -> truthPoint.put(k, (long) t(k)));
    List<String> out = new ArrayList<>();
    for (Lin l : constraints) {
      if (!fits(l, truthPoint)) {
        out.add(l.toString());
      }
    }
    return out;
  }

  /** Visible counts from 1 to 4 (there must be none). */
  List<String> visibleSmall() {
    return visibleSmall;
  }

  Map<String, Long> visible() {
    return fixed;
  }

  List<String> hiddenKeys() {
    return new ArrayList<>(vars.keySet());
  }

  /** How many integer programmes were solved, and how many solver answers proved nothing. */
  int solves() {
    return solves;
  }

  int unusable() {
    return unusable;
  }

  private int solves;
  private int unusable;

  /**
   * Every hidden position that the reader can narrow to values less than {@link #WIDTH} apart
   * (there must be none). Each checked solution is kept: positions it already spreads far enough
   * are proven protected without solving for them.
   */
  List<Range> unprotected() {
    List<Range> out = new ArrayList<>();
    for (var e : vars.entrySet()) {
      String key = e.getKey();
      Range r = range(key, Map.of(key, 1));
      if (r.narrow()) {
        out.add(r);
      }
    }
    return out;
  }

  private final List<Map<String, Long>> points = new ArrayList<>();

  /** The solution if it is one (whole numbers, every marker, every relation), else null. */
  private Map<String, Long> witness(
      ExpressionsBasedModel model, Map<String, Variable> x, Optimisation.Result r) {
    if (!r.getState().isFeasible()) {
      unusable++;
      return null;
    }
    Map<String, Long> p = new LinkedHashMap<>();
    for (var e : x.entrySet()) {
      double v = r.doubleValue(model.indexOf(e.getValue()));
      if (Double.isNaN(v) || Math.abs(v - Math.rint(v)) > 1e-6) {
        unusable++;
        return null;
      }
      long n = Math.round(v);
      boolean small = vars.get(e.getKey()).equals("<5");
      if (n < 0 || (small && (n < 1 || n > 4)) || (!small && n >= 1 && n <= 4)) {
        unusable++;
        return null;
      }
      p.put(e.getKey(), n);
    }
    for (Lin l : constraints) {
      if (!fits(l, p)) {
        unusable++;
        return null;
      }
    }
    points.add(p);
    return p;
  }

  private static boolean fits(Lin l, Map<String, Long> p) {
    double v = 0;
    for (var e : l.coefficients().entrySet()) {
      v += e.getValue() * p.get(e.getKey());
    }
    return (l.lo() == null || v >= l.lo() - 1e-9) && (l.hi() == null || v <= l.hi() + 1e-9);
  }

  private static long valueAt(Map<String, Long> p, Map<String, Integer> expression) {
    long v = 0;
    for (var e : expression.entrySet()) {
      Long x = p.get(e.getKey());
      if (x != null) {
        v += e.getValue() * x;
      }
    }
    return v;
  }

  /**
   * The values Σ coefficient × key can take, as far as checked solutions show: first among reports
   * that keep every hidden position on its true side (0, or 5 and more), then, when those are not
   * enough, with each hidden position free to be 0 or 5 and more. Only the second is the reader's
   * full problem; a solver answer that is not a checked solution proves nothing, so an uncertain
   * solver makes the range narrower (a failure of the test), never wider.
   */
  Range range(String name, Map<String, Integer> expression) {
    int truthValue = 0;
    long offset = 0;
    Map<String, Integer> hidden = new LinkedHashMap<>();
    for (var e : expression.entrySet()) {
      truthValue += e.getValue() * t(e.getKey());
      if (vars.containsKey(e.getKey())) {
        hidden.put(e.getKey(), e.getValue());
      } else {
        offset += e.getValue() * fixed.getOrDefault(e.getKey(), 0L);
      }
    }
    long hiddenTruth = truthValue - offset;
    long lo = hiddenTruth;
    long hi = hiddenTruth;
    for (var p : points) {
      long v = valueAt(p, hidden);
      lo = Math.min(lo, v);
      hi = Math.max(hi, v);
    }
    for (boolean restricted : new boolean[] {true, false}) {
      // A fresh model for each direction: re-solving one model the other way gave wrong optima.
      for (boolean maximise : new boolean[] {false, true}) {
        if (hi - lo >= WIDTH || hidden.isEmpty()) {
          break;
        }
        solves++;
        var model = new ExpressionsBasedModel();
        var x = build(model, restricted);
        Expression objective = model.addExpression("objective").weight(1);
        hidden.forEach((k, c) -> objective.set(x.get(k), c));
        var p = witness(model, x, maximise ? model.maximise() : model.minimise());
        if (p != null) {
          long v = valueAt(p, hidden);
          lo = Math.min(lo, v);
          hi = Math.max(hi, v);
        }
      }
    }
    return new Range(name, truthValue, lo + offset, hi + offset);
  }
}
