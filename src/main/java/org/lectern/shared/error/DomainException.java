package org.lectern.shared.error;

import java.util.List;

/**
 * A rule of the domain refused a request. The code is a message key (for example {@code
 * programme.slugTaken}) shown in the user's language and matched by clients and tests.
 */
public class DomainException extends RuntimeException {

  private final String code;
  private final transient Object[] args;
  private final transient List<FieldProblem> fields;

  public DomainException(String code, Object... args) {
    this(code, List.of(), args);
  }

  protected DomainException(String code, List<FieldProblem> fields, Object... args) {
    super(
        fields.isEmpty()
            ? code
            : code + " " + fields.stream().map(f -> f.field() + ":" + f.code()).toList());
    this.code = code;
    this.args = args;
    this.fields = List.copyOf(fields);
  }

  public String code() {
    return code;
  }

  public Object[] args() {
    return args.clone();
  }

  public List<FieldProblem> fields() {
    return fields;
  }
}
