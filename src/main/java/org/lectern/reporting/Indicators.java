package org.lectern.reporting;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.lectern.reporting.PublishedReport.Row;
import org.lectern.reporting.PublishedReport.Table;

/**
 * The donor indicator table (reference/training_mel_indicators.csv) filled from a published report,
 * so a funder's copy holds only suppressed figures. Indicator wording stays as in the source
 * (English), values and disaggregation are in the reader's language.
 */
final class Indicators {

  private static final List<Definition> DEFINITIONS = load();

  private Indicators() {}

  /** One indicator; {@code id} is its identity (trained, sessions, learning, reaction, …). */
  record Definition(
      String id,
      String level,
      String indicator,
      String disaggregation,
      String means,
      String source) {}

  /** One filled row; {@code value} and {@code breakdown} are null when there is no data yet. */
  record Filled(Definition definition, String value, String breakdown) {}

  /** Words the table needs in the reader's language. */
  interface Labels {
    String label(String dimension, String value);

    String heading(String dimension);

    String noData();

    String number(Count c);

    /** The completion rule, as a sentence or (short) as a qualifier of a figure. */
    String rule(AttendanceSummary.Rule rule, boolean short_);
  }

  static List<Definition> definitions() {
    return DEFINITIONS;
  }

  /** Every indicator filled by its identity; one Lectern has no figure for stays empty. */
  static List<Filled> fill(PublishedReport r, Labels l) {
    return fill(DEFINITIONS, r, l);
  }

  static List<Filled> fill(List<Definition> definitions, PublishedReport r, Labels l) {
    List<Filled> out = new ArrayList<>();
    for (Definition d : definitions) {
      var x = r.learning();
      out.add(
          switch (d.id()) {
            case "trained" -> trained(d, r, l);
            case "sessions" -> sessions(d, r, l);
            case "learning" ->
                x == null
                    ? new Filled(d, null, null)
                    : ratios(
                        d,
                        x,
                        l,
                        List.of(List.of("improved", "paired"), List.of("passed", "postTested")));
            case "reaction" ->
                x == null
                    ? new Filled(d, null, null)
                    : ratios(
                        d,
                        x,
                        l,
                        List.of(List.of("satisfied", "surveyed"), List.of("relevant", "surveyed")));
            case "behaviour" ->
                x == null
                    ? new Filled(d, null, null)
                    : ratios(d, x, l, List.of(List.of("usedInPractice", "followUpAnswered")));
            default -> new Filled(d, null, null);
          });
    }
    return out;
  }

  /**
   * "part / whole (share)" for each pair, with the breakdown by gender and region; empty when
   * nobody answered the whole.
   */
  private static Filled ratios(
      Definition d, PublishedReport.Learning x, Labels l, List<List<String>> pairs) {
    List<String> values = new ArrayList<>();
    List<String> parts = new ArrayList<>();
    for (var pair : pairs) {
      Count part = x.count(pair.get(0));
      Count whole = x.count(pair.get(1));
      if (whole == null || part == null || (!whole.hidden() && whole.value() == 0)) {
        continue;
      }
      values.add(l.heading("learning." + pair.get(0)) + ": " + ratio(part, whole, l));
      for (String dim : LearningFigures.DIMENSIONS) {
        Table tp = x.breakdown(pair.get(0), dim);
        Table tw = x.breakdown(pair.get(1), dim);
        if (tp != null && tw != null) {
          parts.add(
              l.heading("learning." + pair.get(0))
                  + ", "
                  + l.heading(dim)
                  + ": "
                  + ratios(tp, tw, dim, l));
        }
      }
    }
    if (values.isEmpty()) {
      return new Filled(d, null, null);
    }
    return new Filled(d, String.join("; ", values), String.join("; ", parts));
  }

  private static String ratios(Table part, Table whole, String dim, Labels l) {
    if (part.withheld() || whole.withheld()) {
      return Count.PROTECTED;
    }
    List<String> out = new ArrayList<>();
    for (Row w : whole.rows()) {
      if (!w.count().hidden() && w.count().value() == 0) {
        continue;
      }
      Count p =
          part.rows().stream()
              .filter(x -> x.value().equals(w.value()))
              .findFirst()
              .map(Row::count)
              .orElse(Count.of(0));
      out.add(l.label(dim, w.value()) + " " + l.number(p) + "/" + l.number(w.count()));
    }
    return String.join(", ", out);
  }

  private static String ratio(Count part, Count whole, Labels l) {
    return part.hidden() || whole.hidden() || whole.value() == 0
        ? l.number(part) + " / " + l.number(whole)
        : l.number(part)
            + " / "
            + l.number(whole)
            + " ("
            + Math.round(100.0 * part.value() / whole.value())
            + " %)";
  }

  private static Filled trained(Definition d, PublishedReport r, Labels l) {
    if (!r.attendanceRecorded()) {
      return new Filled(d, null, null);
    }
    Count completed =
        r.funnel().stream()
            .filter(s -> s.key().equals("completed"))
            .findFirst()
            .orElseThrow()
            .count();
    List<String> parts = new ArrayList<>();
    for (String dim : List.of("gender", "region", "profession")) {
      Table t = r.completed().get(dim);
      String cells = t == null ? "" : join(t, dim, l);
      // A dimension with nothing to show (nobody completed) is left out, not "Gender: ".
      if (!cells.isEmpty()) {
        parts.add(l.heading(dim) + ": " + cells);
      }
    }
    String value = l.number(completed);
    if (r.completionRule() != null) {
      value += " (" + l.rule(r.completionRule(), true) + ")";
    }
    return new Filled(d, value, parts.isEmpty() ? null : String.join("; ", parts));
  }

  private static String join(Table t, String dim, Labels l) {
    if (t.withheld()) {
      return Count.PROTECTED;
    }
    return t.rows().stream()
        .filter(x -> x.count().hidden() || x.count().value() > 0)
        .map((Row x) -> l.label(dim, x.value()) + " " + l.number(x.count()))
        .collect(Collectors.joining(", "));
  }

  private static Filled sessions(Definition d, PublishedReport r, Labels l) {
    var rows = r.sessions();
    Map<String, Long> topics = new TreeMap<>();
    rows.forEach(
        s -> s.articles().forEach(a -> topics.merge(String.format("%02d", a), 1L, Long::sum)));
    String topic =
        topics.entrySet().stream()
            .map(
                e ->
                    l.label("article", Integer.toString(Integer.parseInt(e.getKey())))
                        + " "
                        + e.getValue())
            .collect(Collectors.joining(", "));
    String lang =
        counted(
            rows.stream().map(s -> s.language() == null ? "unknown" : s.language()).toList(),
            "language",
            l);
    String mode = counted(rows.stream().map(PublishedReport.SessionRow::mode).toList(), "mode", l);
    return new Filled(
        d,
        Integer.toString(rows.size()),
        l.heading("topic")
            + ": "
            + topic
            + "; "
            + l.heading("language")
            + ": "
            + lang
            + "; "
            + l.heading("mode")
            + ": "
            + mode);
  }

  private static String counted(List<String> values, String dim, Labels l) {
    Map<String, Long> m =
        values.stream()
            .collect(
                Collectors.groupingBy(Function.identity(), TreeMap::new, Collectors.counting()));
    return m.entrySet().stream()
        .map(e -> l.label(dim, e.getKey()) + " " + e.getValue())
        .collect(Collectors.joining(", "));
  }

  private static List<Definition> load() {
    var in = Indicators.class.getResourceAsStream("/reference/training_mel_indicators.csv");
    try (var reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
      List<Definition> list = new ArrayList<>();
      for (CSVRecord c :
          CSVFormat.DEFAULT
              .builder()
              .setHeader()
              .setSkipHeaderRecord(true)
              .setCommentMarker('#')
              .get()
              .parse(reader)) {
        list.add(
            new Definition(
                c.get("id"),
                c.get("level"),
                c.get("indicator"),
                c.get("disaggregation"),
                c.get("means_of_verification"),
                c.get("basis_source")));
      }
      return List.copyOf(list);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
