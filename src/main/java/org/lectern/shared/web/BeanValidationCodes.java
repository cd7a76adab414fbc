package org.lectern.shared.web;

import org.springframework.validation.FieldError;

/** Maps Bean Validation constraint names to Lectern's message keys (validation.*). */
public final class BeanValidationCodes {

  private BeanValidationCodes() {}

  public static String of(FieldError f) {
    String c = f.getCode() == null ? "Invalid" : f.getCode();
    return switch (c) {
      case "NotBlank", "NotNull", "NotEmpty" -> "validation.required";
      case "Size" -> "validation.size";
      case "Email" -> "validation.email";
      case "Min", "Positive", "PositiveOrZero" -> "validation.min";
      case "Max" -> "validation.max";
      case "Pattern" -> "validation.pattern";
      case "typeMismatch" -> "validation.type";
      default -> "validation.invalid";
    };
  }

  /** Size bounds (max, min) as message arguments {0} and {1}; others get none. */
  public static Object[] args(FieldError f) {
    Object[] a = f.getArguments();
    if (a == null || a.length < 2) {
      return new Object[0];
    }
    Object[] rest = new Object[a.length - 1];
    System.arraycopy(a, 1, rest, 0, rest.length);
    return rest;
  }
}
