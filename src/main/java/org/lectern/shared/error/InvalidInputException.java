package org.lectern.shared.error;

import java.util.ArrayList;
import java.util.List;

/** Input broke one or more rules; every broken field is reported at once. */
public class InvalidInputException extends DomainException {

  public InvalidInputException(List<FieldProblem> fields) {
    super("error.invalid", fields);
  }

  public static InvalidInputException of(String field, String code, Object... args) {
    return new InvalidInputException(List.of(new FieldProblem(field, code, args)));
  }

  /** Collects problems, then throws them together. */
  public static final class Collector {
    private final List<FieldProblem> problems = new ArrayList<>();

    public Collector add(String field, String code, Object... args) {
      problems.add(new FieldProblem(field, code, args));
      return this;
    }

    public Collector check(boolean ok, String field, String code, Object... args) {
      return ok ? this : add(field, code, args);
    }

    /**
     * The text stripped ({@code ""} for none), noting {@code emptyCode} for {@code field} when it
     * is empty and {@code tooLongCode} (with {@code max}) when it has more than {@code max}
     * characters.
     */
    public String requiredText(
        String text, String field, int max, String emptyCode, String tooLongCode) {
      String stripped = text == null ? "" : text.strip();
      check(!stripped.isEmpty(), field, emptyCode);
      check(stripped.length() <= max, field, tooLongCode, max);
      return stripped;
    }

    public boolean has(String field) {
      return problems.stream().anyMatch(p -> p.field().equals(field));
    }

    public boolean isEmpty() {
      return problems.isEmpty();
    }

    public void throwIfAny() {
      if (!problems.isEmpty()) {
        throw new InvalidInputException(problems);
      }
    }
  }
}
