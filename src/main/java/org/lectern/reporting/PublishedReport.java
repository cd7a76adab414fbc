package org.lectern.reporting;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.lectern.shared.i18n.LocalizedText;

/**
 * A programme report as one audience may see it: organisers exact figures, funders the same with
 * small numbers hidden. Pages, exports and the API are all drawn from this record only; it holds no
 * name, e-mail or free text of any delegate.
 */
public record PublishedReport(
    UUID programmeId,
    LocalizedText title,
    List<String> languages,
    ZoneId timeZone,
    boolean funderView,
    List<Step> funnel,
    Count registrations,
    List<Row> byStatus,
    Map<String, Table> breakdowns,
    Outside outside,
    List<SessionRow> sessions,
    boolean attendanceRecorded,
    AttendanceSummary.Rule completionRule,
    Map<String, Table> completed,
    Learning learning,
    Boolean coarsened) {

  /**
   * Whether the suppression fell back to hiding a whole group of linked figures (or all of them)
   * because no smaller pattern protected every count (ADR 0017); null in older snapshots.
   */
  public boolean isCoarsened() {
    return Boolean.TRUE.equals(coarsened);
  }

  /** A step of the funnel; {@code count} null means no data yet. */
  public record Step(String key, Count count) {}

  public record Row(String value, Count count) {}

  /** A breakdown; {@code withheld} when it cannot be shown without revealing small numbers. */
  public record Table(String name, List<Row> rows, Count total, boolean withheld) {

    public int max() {
      return rows.stream()
          .mapToInt(r -> r.count().hidden() ? 0 : r.count().value())
          .max()
          .orElse(0);
    }
  }

  /** Delegates from Kazakh regions other than the organisation's main legal centres. */
  public record Outside(Count count, Double share, List<String> mainCentres, boolean withheld) {}

  public record SessionRow(
      UUID sessionId,
      LocalizedText title,
      Instant startsAt,
      String mode,
      String language,
      List<Integer> articles,
      Count present,
      Count online,
      Count room,
      Count tables,
      Count byRecording) {}

  /**
   * Knowledge gain, reaction and behaviour ({@link LearningFigures#COUNTS}); means are per cent of
   * the maximum score over the paired delegates (null when not published); breakdowns under {@code
   * <count>.<dimension>} (absent when withheld). Null when no learning data exists.
   */
  public record Learning(
      Map<String, Count> counts, Double meanPre, Double meanPost, Map<String, Table> breakdowns) {

    /** The count under {@code key}; null when withheld. */
    public Count count(String key) {
      return counts.get(key);
    }

    public Table breakdown(String count, String dimension) {
      return breakdowns.get(count + "." + dimension);
    }
  }

  public Table table(String name) {
    return breakdowns.get(name);
  }
}
