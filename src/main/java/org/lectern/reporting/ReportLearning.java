package org.lectern.reporting;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.lectern.reporting.PublishedReport.Learning;
import org.lectern.reporting.PublishedReport.Row;
import org.lectern.reporting.PublishedReport.Table;
import org.lectern.reporting.ReportTables.Sheet;
import org.lectern.reporting.ReportViews.Bar;
import org.lectern.reporting.ReportViews.LearningMatrix;
import org.lectern.reporting.ReportViews.LearningView;

/**
 * The learning part of a report (tests, feedback, follow-up) for the page, the exports and the API,
 * drawn from the published report only, so a funder sees exactly what was published.
 */
final class ReportLearning {

  private ReportLearning() {}

  static LearningView view(PublishedReport r, ReportLabels l) {
    Learning x = r.learning();
    if (x == null) {
      return null;
    }
    List<Bar> figures = new ArrayList<>();
    for (String k : LearningFigures.COUNTS) {
      figures.add(new Bar(l.heading("learning." + k), l.number(x.count(k)), 0));
      if (k.equals("paired")) {
        figures.add(new Bar(l.heading("learning.meanPre"), mean(x.meanPre(), l), 0));
        figures.add(new Bar(l.heading("learning.meanPost"), mean(x.meanPost(), l), 0));
      }
    }
    List<LearningMatrix> tables = new ArrayList<>();
    for (String dim : LearningFigures.DIMENSIONS) {
      var rows = rows(x, dim, l, true);
      if (rows != null) {
        tables.add(
            new LearningMatrix(
                dim,
                l.heading(dim),
                LearningFigures.BROKEN_DOWN.stream().map(k -> l.heading("learning." + k)).toList(),
                rows));
      }
    }
    return new LearningView(figures, tables);
  }

  private static String mean(Double v, ReportLabels l) {
    return v == null ? l.noData() : v + " %";
  }

  /**
   * One row per value with anyone in a broken-down count (first cell the label); a single row
   * saying "hidden" when a table is withheld; null when there are no breakdowns.
   */
  private static List<List<String>> rows(Learning x, String dim, ReportLabels l, boolean label) {
    Map<String, List<String>> out = new LinkedHashMap<>();
    boolean any = false;
    for (String k : LearningFigures.BROKEN_DOWN) {
      Table t = x.breakdown(k, dim);
      if (t == null) {
        continue;
      }
      any = true;
      if (t.withheld()) {
        return List.of(List.of(l.label("withheld", "withheld"), Count.PROTECTED));
      }
    }
    if (!any) {
      return null;
    }
    for (String k : LearningFigures.BROKEN_DOWN) {
      Table t = x.breakdown(k, dim);
      for (Row row : t == null ? List.<Row>of() : t.rows()) {
        if (row.count().hidden() || row.count().value() > 0) {
          out.computeIfAbsent(row.value(), v -> new ArrayList<>());
        }
      }
    }
    List<List<String>> rows = new ArrayList<>();
    for (String value : out.keySet()) {
      List<String> cells = new ArrayList<>();
      cells.add(label ? l.label(dim, value) : value);
      for (String k : LearningFigures.BROKEN_DOWN) {
        Table t = x.breakdown(k, dim);
        cells.add(
            t == null
                ? ""
                : t.rows().stream()
                    .filter(row -> row.value().equals(value))
                    .findFirst()
                    .map(row -> l.number(row.count()))
                    .orElse("0"));
      }
      rows.add(cells);
    }
    return rows;
  }

  /** The export sheets: the figures, then one per dimension. */
  static List<Sheet> sheets(PublishedReport r, ReportLabels l) {
    Learning x = r.learning();
    if (x == null) {
      return List.of();
    }
    List<Sheet> out = new ArrayList<>();
    List<List<String>> figures = new ArrayList<>();
    figures.add(List.of(l.heading("step"), "key", l.heading("count")));
    for (String k : LearningFigures.COUNTS) {
      figures.add(List.of(l.heading("learning." + k), k, String.valueOf(x.count(k))));
    }
    figures.add(
        List.of(
            l.heading("learning.meanPre"), "meanPre", x.meanPre() == null ? "" : "" + x.meanPre()));
    figures.add(
        List.of(
            l.heading("learning.meanPost"),
            "meanPost",
            x.meanPost() == null ? "" : "" + x.meanPost()));
    out.add(new Sheet("learning", figures));
    for (String dim : LearningFigures.DIMENSIONS) {
      var rows = rows(x, dim, l, false);
      if (rows != null) {
        List<List<String>> sheet = new ArrayList<>();
        List<String> header = new ArrayList<>(List.of(dim));
        header.addAll(LearningFigures.BROKEN_DOWN);
        sheet.add(header);
        sheet.addAll(rows);
        out.add(new Sheet("learning_" + dim, sheet));
      }
    }
    return out;
  }

  /**
   * The API's {@code learning} block (API.md): every count (0 before any data), the means, and
   * {@code byGender}/{@code byRegion}: per count the values with anyone in them.
   */
  static Map<String, Object> json(PublishedReport r) {
    Learning x = r.learning();
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("recorded", x != null);
    for (String k : LearningFigures.COUNTS) {
      out.put(k, x == null ? Count.of(0) : x.count(k));
      if (k.equals("paired")) {
        out.put("meanPre", x == null ? null : x.meanPre());
        out.put("meanPost", x == null ? null : x.meanPost());
      }
    }
    if (x == null) {
      return out;
    }
    List<String> withheld = new ArrayList<>();
    for (String dim : LearningFigures.DIMENSIONS) {
      Map<String, Object> byCount = new LinkedHashMap<>();
      for (String k : LearningFigures.BROKEN_DOWN) {
        Table t = x.breakdown(k, dim);
        if (t == null) {
          continue;
        }
        if (t.withheld()) {
          withheld.add(k + "." + dim);
          continue;
        }
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Row row : t.rows()) {
          if (row.count().hidden() || row.count().value() > 0) {
            rows.add(Map.of("value", row.value(), "count", row.count()));
          }
        }
        byCount.put(k, rows);
      }
      if (!byCount.isEmpty()) {
        out.put(dim.equals("gender") ? "byGender" : "byRegion", byCount);
      }
    }
    if (!withheld.isEmpty()) {
      out.put("withheld", withheld);
    }
    return out;
  }
}
