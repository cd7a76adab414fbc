package org.lectern.learning;

/** How a question is answered: one option, any number of options, or true/false. */
public enum QuestionKind {
  SINGLE,
  MULTIPLE,
  TRUE_FALSE;

  boolean oneAnswer() {
    return this != MULTIPLE;
  }
}
