package org.lectern.learning;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.lectern.shared.web.FormErrors;

/**
 * The organiser's page of one session's recording: link, window, access, quiz questions, and the
 * delegates whose personal link was opened from several devices.
 */
public record RecordingAdminPage(
    UUID programmeId,
    UUID sessionId,
    String programmeTitle,
    String sessionTitle,
    String zone,
    List<String> languages,
    boolean saved,
    boolean frozen,
    List<BankPage.QuestionRow> questions,
    List<Shared> shared,
    Map<String, String> values,
    FormErrors errors,
    FormErrors questionErrors,
    String notice) {

  /** A delegate whose link was opened by more than one device. */
  public record Shared(String name, int devices) {}

  public String value(String name) {
    return values.getOrDefault(name, "");
  }

  public String path() {
    return "/admin/sessions/" + sessionId + "/recording";
  }
}
