package org.lectern.shared.web;

import java.util.Optional;
import org.lectern.shared.error.FieldProblem;
import org.lectern.shared.text.TextInput;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DatabindException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

/**
 * Names the field of a JSON body that could not be bound (API.md, "Errors"): well-formed JSON with
 * a value of the wrong type, a property nobody reads or refused text is invalid content (422 with
 * the field); JSON that does not parse is malformed (400, no field).
 */
final class JsonProblems {

  private JsonProblems() {}

  static Optional<FieldProblem> of(Throwable failure) {
    DatabindException bind = find(failure, DatabindException.class);
    if (bind == null || bind.getPath().isEmpty()) {
      return Optional.empty();
    }
    String field = path(bind);
    TextInput.Refused refused = find(failure, TextInput.Refused.class);
    if (refused != null) {
      return Optional.of(new FieldProblem(field, refused.code(), refused.args()));
    }
    if (bind instanceof UnrecognizedPropertyException) {
      return Optional.of(new FieldProblem(field, "validation.unknownField"));
    }
    if (bind instanceof MismatchedInputException) {
      return Optional.of(new FieldProblem(field, "validation.type"));
    }
    return Optional.of(new FieldProblem(field, "validation.invalid"));
  }

  /** {@code title}, {@code answers.q1}, {@code languages[0]}. */
  static String path(JacksonException e) {
    StringBuilder sb = new StringBuilder();
    for (JacksonException.Reference r : e.getPath()) {
      if (r.getPropertyName() != null) {
        if (!sb.isEmpty()) {
          sb.append('.');
        }
        sb.append(r.getPropertyName());
      } else if (r.getIndex() >= 0) {
        sb.append('[').append(r.getIndex()).append(']');
      }
    }
    return sb.toString();
  }

  private static <T extends Throwable> T find(Throwable t, Class<T> type) {
    for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
      if (type.isInstance(c)) {
        return type.cast(c);
      }
    }
    return null;
  }
}
