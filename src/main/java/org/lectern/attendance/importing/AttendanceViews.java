package org.lectern.attendance.importing;

import java.util.List;
import org.lectern.attendance.results.SettingsForm;

/** Typed pages of the attendance back office: nothing here is a persistence record. */
public final class AttendanceViews {

  private AttendanceViews() {}

  public record Option(String value, String label) {}

  /** One person on the session's attendance list. */
  public record AttendeeRow(
      String name,
      String email,
      String role,
      boolean delegate,
      boolean inRoom,
      long minutes,
      int percent,
      String intervals) {}

  /** A delegate whose personal link was used by two devices during the session. */
  public record SharingFlag(String name, int devices, String firstAt, String lastAt) {}

  public record SessionAttendancePage(
      String sessionId,
      String sessionTitle,
      String programmeId,
      String when,
      int imports,
      long maxMegabytes,
      List<AttendeeRow> attendees,
      List<SharingFlag> sharing,
      String problem) {}

  /** One person of an upload as the preview shows it, with the choice to make when unmatched. */
  public record PreviewRow(
      int index,
      String name,
      String email,
      String aliases,
      String role,
      long minutes,
      int percent,
      String status,
      String matchedTo,
      List<Option> choices,
      String chosen) {

    public boolean needsDecision() {
      return choices != null && !choices.isEmpty();
    }
  }

  public record PreviewPage(
      String sessionId,
      String sessionTitle,
      String uploadId,
      String fileName,
      String format,
      int rows,
      long matched,
      long unmatched,
      long toDecide,
      String meeting,
      List<String> warnings,
      List<PreviewRow> people,
      String zone,
      List<String> zones,
      String problem) {

    /** The same preview with a refusal of the decisions sent above it (null: none). */
    public PreviewPage withProblem(String text) {
      return new PreviewPage(
          sessionId,
          sessionTitle,
          uploadId,
          fileName,
          format,
          rows,
          matched,
          unmatched,
          toDecide,
          meeting,
          warnings,
          people,
          zone,
          zones,
          text);
    }
  }

  /** The file needs the organiser's choice before it can be read. */
  public record ChoicePage(
      String sessionId,
      String sessionTitle,
      String uploadId,
      String fileName,
      String question,
      String field,
      List<Option> options,
      String zone,
      List<String> zones) {}

  /** The file cannot be read: the reason with its line. */
  public record UnreadablePage(
      String sessionId, String sessionTitle, String fileName, String problem) {}

  /**
   * One delegate's completion, named; {@code byRecording} of the counted sessions were earned by a
   * recording's quiz, not by attending.
   */
  public record CompletionRow(
      String name, int attended, int required, long minutes, boolean completed, int byRecording) {}

  public record SettingsPage(
      String programmeId,
      String programmeTitle,
      SettingsForm form,
      boolean secretSaved,
      org.lectern.shared.web.FormErrors errors,
      List<CompletionRow> completion) {}
}
