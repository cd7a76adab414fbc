package org.lectern.admin;

import java.util.List;
import org.lectern.admin.AdminViews.SessionRow;
import org.lectern.shared.i18n.LocalizedText.Shown;

/** Typed views of a programme's overview and of its sessions and live rooms pages. */
public final class OverviewViews {

  private OverviewViews() {}

  /** The programme's home: the next session and what needs attention. */
  public record OverviewPage(
      String id,
      String slug,
      Shown title,
      boolean published,
      NextSession next,
      List<AttentionRow> attention,
      String savedZone,
      List<SessionRow> sessions) {}

  /**
   * The session on now or next: when in the viewer's zone ({@code zone}) and, when that differs, in
   * the programme's own ({@code programmeWhen}, {@code programmeZone}).
   */
  public record NextSession(
      String id,
      Shown title,
      boolean now,
      String when,
      String zone,
      String programmeWhen,
      String programmeZone,
      boolean door) {}

  /** One thing that needs attention, in words with its count; {@code href} null: no link. */
  public record AttentionRow(String text, String href) {}

  /** The programme's sessions, with the way to add one. */
  public record SessionsPage(String id, Shown title, String savedZone, List<SessionRow> sessions) {}

  /** Every session's live room: the moderator console and the projector. */
  public record LiveRoomsPage(
      String id, Shown title, String savedZone, List<SessionRow> sessions) {}
}
