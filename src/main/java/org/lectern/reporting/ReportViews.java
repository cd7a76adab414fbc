package org.lectern.reporting;

import java.util.List;
import org.lectern.shared.i18n.LocalizedText;

/** What the report templates show: text already in the reader's language, no domain records. */
public final class ReportViews {

  private ReportViews() {}

  /** A labelled count with the length of its bar (0–100, relative to the largest). */
  public record Bar(String label, String count, int percent) {}

  /** The report's learning section: the figures, and one table per dimension. */
  public record LearningView(List<Bar> figures, List<LearningMatrix> tables) {}

  /** Rows: the dimension's values with anyone counted; columns: the broken-down counts. */
  public record LearningMatrix(
      String dimension, String caption, List<String> columns, List<List<String>> rows) {}

  public record TableView(
      String key, String heading, List<Bar> rows, String total, boolean withheld) {}

  /**
   * One circle of the map: where, how big, its title (region and count) and the count as shown
   * ("&lt;5" or "hidden" in the funder view).
   */
  public record Marker(
      String code,
      String name,
      double x,
      double y,
      double r,
      String label,
      String count,
      boolean hidden) {}

  /**
   * A count written on the map: the text as on the marker, its baseline point in map units, the SVG
   * text-anchor (start, middle or end) and whether it sits inside its circle.
   */
  public record Label(String text, double x, double y, String anchor, boolean inside) {}

  /** The counts placed for one size of type (in map units): "wide" or "narrow". */
  public record Labels(String kind, double size, List<Label> all) {}

  /**
   * The map: its size in map units, the circles (biggest first), the regional centres, the
   * country's outline as an SVG path, the counts written on it (placed for a wide map and, in
   * bigger type, for a narrow one) and the description for its text alternative.
   */
  public record MapView(
      int width,
      int height,
      List<Marker> markers,
      List<double[]> centres,
      String outline,
      Labels labels,
      Labels narrowLabels,
      String description) {

    /** The same map described by its figures, for a page with no table beside it. */
    public MapView describedAs(String text) {
      return new MapView(width, height, markers, centres, outline, labels, narrowLabels, text);
    }

    /** Whether any circle stands for a count shown as "&lt;5" or hidden (drawn dashed). */
    public boolean anyHidden() {
      return markers.stream().anyMatch(Marker::hidden);
    }
  }

  public record OutsideView(
      String count, String share, String mainCentres, boolean withheld, String sentence) {}

  public record SessionView(
      LocalizedText.Shown title,
      String when,
      String mode,
      String present,
      String online,
      String room,
      String tables,
      String byRecording) {}

  public record IndicatorView(
      String level,
      String indicator,
      String value,
      String breakdown,
      String disaggregation,
      String means) {}

  public record ReportPage(
      String programmeId,
      LocalizedText.Shown title,
      boolean funderView,
      boolean organiser,
      String base,
      List<Bar> funnel,
      MapView map,
      TableView regions,
      OutsideView outside,
      List<TableView> breakdowns,
      List<SessionView> sessions,
      String zoneNote,
      boolean attendanceRecorded,
      String completionRule,
      LearningView learning,
      List<IndicatorView> indicators,
      String delegates,
      String comparisonUrl,
      SnapshotsView snapshots,
      boolean coarsened) {

    ReportPage withSnapshots(SnapshotsView s) {
      return new ReportPage(
          programmeId,
          title,
          funderView,
          organiser,
          base,
          funnel,
          map,
          regions,
          outside,
          breakdowns,
          sessions,
          zoneNote,
          attendanceRecorded,
          completionRule,
          learning,
          indicators,
          delegates,
          comparisonUrl,
          s,
          coarsened);
    }
  }

  /**
   * The snapshots released to funders: which one is shown ({@code shown}, null for live figures),
   * the list, and for organisers the form to publish another.
   */
  public record SnapshotsView(
      String shown,
      String shownId,
      List<SnapshotLink> items,
      boolean canPublish,
      String note,
      org.lectern.shared.web.FormErrors errors,
      boolean published) {}

  public record SnapshotLink(String when, String note, String url, boolean current) {}

  public record ComparisonRow(
      String programmeId,
      LocalizedText.Shown title,
      String period,
      String mode,
      String registrations,
      String delegates,
      String regionsReached,
      String outside,
      String share,
      int sharePercent,
      MapView map) {}

  public record ComparisonPage(
      String organisationId, String organisation, List<ComparisonRow> rows) {}

  public record CentresPage(
      String organisationId,
      String organisation,
      List<CentreOption> options,
      org.lectern.shared.web.FormErrors errors,
      boolean saved) {}

  public record CentreOption(String code, String name, boolean checked) {}
}
