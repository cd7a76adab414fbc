package org.lectern.shared.web;

import java.util.Arrays;

/** The field problem {@link JsonProblems} names for a reading failure, for tests elsewhere. */
public final class JsonProblemAnswers {

  private JsonProblemAnswers() {}

  /** {@code field code [args]}, or {@code malformed} where the API answers 400 without a field. */
  public static String of(Throwable failure) {
    return JsonProblems.of(failure)
        .map(f -> f.field() + " " + f.code() + " " + Arrays.toString(f.args()))
        .orElse("malformed");
  }
}
