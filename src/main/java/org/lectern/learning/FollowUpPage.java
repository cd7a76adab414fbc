package org.lectern.learning;

import java.util.Map;
import org.lectern.shared.web.FormErrors;

/**
 * The follow-up survey as the delegate sees it.
 *
 * @param state {@code form}, {@code closed} or {@code done}
 */
public record FollowUpPage(
    String programmeTitle,
    String titleLang,
    String state,
    String action,
    String closedReason,
    boolean anonymous,
    Map<String, String> values,
    FormErrors errors) {

  public String value(String name) {
    return values.getOrDefault(name, "");
  }
}
