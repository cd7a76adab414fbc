package org.lectern.shared.error;

/** One invalid field: its name as the form or JSON calls it, and a message key with arguments. */
public record FieldProblem(String field, String code, Object... args) {}
