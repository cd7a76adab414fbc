package org.lectern.learning;

import java.util.List;
import java.util.Map;
import org.lectern.shared.web.FormErrors;

/**
 * A session's materials in the back office: the list, the upload form and (for organisers) who
 * downloaded what.
 *
 * @param manager the viewer manages the programme (a speaker sees the session's materials only)
 * @param downloadsPath where the audited list of downloads is, or null for speakers
 */
public record MaterialsPage(
    String programmeId,
    String sessionId,
    String programmeTitle,
    String sessionTitle,
    boolean manager,
    int maxMegabytes,
    List<MaterialView> materials,
    Map<String, String> values,
    FormErrors errors,
    String notice,
    String downloadsPath) {

  public String path() {
    return "/admin/sessions/" + sessionId + "/materials";
  }

  public String value(String field) {
    return values.getOrDefault(field, "");
  }
}
