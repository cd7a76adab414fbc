package org.lectern.shared.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.lectern.shared.error.DomainException;
import org.lectern.shared.error.FieldProblem;

/**
 * Field errors, already in the user's language, for a form being shown again. Templates tie each
 * message to its field (aria-describedby) and list them in a summary at the top.
 */
public final class FormErrors {

  private final Map<String, String> byField = new LinkedHashMap<>();
  private String general;

  public static FormErrors none() {
    return new FormErrors();
  }

  public static FormErrors of(DomainException e, Ui ui) {
    FormErrors errors = new FormErrors();
    List<FieldProblem> fields = e.fields();
    if (fields.isEmpty()) {
      errors.general = ui.t(e.code(), e.args());
    }
    for (FieldProblem p : fields) {
      errors.byField.putIfAbsent(p.field(), ui.t(p.code(), p.args()));
    }
    return errors;
  }

  public boolean any() {
    return general != null || !byField.isEmpty();
  }

  public boolean has(String field) {
    return byField.containsKey(field);
  }

  public String get(String field) {
    return byField.get(field);
  }

  public Map<String, String> fields() {
    return byField;
  }

  public String general() {
    return general;
  }

  /** The id of the element holding the field's error, for aria-describedby; null when none. */
  public String describedBy(String field) {
    return has(field) ? errorId(field) : null;
  }

  public static String errorId(String field) {
    return field.replaceAll("[^A-Za-z0-9_-]", "-") + "-error";
  }

  public static String inputId(String field) {
    return field.replaceAll("[^A-Za-z0-9_-]", "-");
  }
}
