package org.lectern.reporting;

import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import org.lectern.reporting.ReportViews.SnapshotLink;
import org.lectern.reporting.ReportViews.SnapshotsView;
import org.lectern.shared.web.FormErrors;
import org.lectern.shared.web.Ui;

/** The snapshot list and publish form of a report page. */
final class SnapshotViews {

  private SnapshotViews() {}

  /**
   * @param base where the report lives for this reader (/admin/… or /funder/…)
   * @param shown the snapshot on the page, null for live figures
   */
  static SnapshotsView of(
      List<ReportSnapshot> list,
      ReportSnapshot shown,
      String base,
      ZoneId zone,
      boolean canPublish,
      String note,
      FormErrors errors,
      boolean published,
      Ui ui) {
    ZoneId z = ui.zoneOr(zone);
    UUID current = shown == null ? null : shown.id();
    List<ReportSnapshot> newestFirst = new java.util.ArrayList<>(list);
    java.util.Collections.reverse(newestFirst);
    List<SnapshotLink> items =
        newestFirst.stream()
            .map(
                s ->
                    new SnapshotLink(
                        ui.time().dateTime(s.publishedAt(), z),
                        s.note() == null ? "" : s.note(),
                        (base.startsWith("/funder/") ? base : base + "/report")
                            + "?snapshot="
                            + s.id(),
                        s.id().equals(current)))
            .toList();
    String sentence =
        shown == null
            ? null
            : shown.note() == null
                ? ui.t("reporting.snapshot.shown", ui.time().dateTime(shown.publishedAt(), z))
                : ui.t(
                    "reporting.snapshot.shownWithNote",
                    ui.time().dateTime(shown.publishedAt(), z),
                    shown.note());
    return new SnapshotsView(
        sentence,
        current == null ? null : current.toString(),
        items,
        canPublish,
        note == null ? "" : note,
        errors,
        published);
  }
}
