package org.lectern.shared.error;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** {@link InvalidInputException.Collector#requiredText}: stripped, required, at most max. */
class RequiredTextTest {

  static final String EMPTY = "x.empty";
  static final String LONG = "x.tooLong";

  @Test
  void givesTheTextStrippedAndNotesNothingWhenItFits() {
    var problems = new InvalidInputException.Collector();
    assertThat(problems.requiredText("  abc \n", "f", 3, EMPTY, LONG)).isEqualTo("abc");
    assertThat(problems.isEmpty()).isTrue();
  }

  @Test
  void notesAMissingOrBlankTextAsEmptyOnly() {
    for (String text : new String[] {null, "", "   "}) {
      var problems = new InvalidInputException.Collector();
      assertThat(problems.requiredText(text, "f", 3, EMPTY, LONG)).isEmpty();
      assertThatThrownBy(problems::throwIfAny)
          .isInstanceOfSatisfying(
              InvalidInputException.class,
              e -> {
                assertThat(e.fields()).hasSize(1);
                assertThat(e.fields().get(0).field()).isEqualTo("f");
                assertThat(e.fields().get(0).code()).isEqualTo(EMPTY);
              });
    }
  }

  @Test
  void notesATooLongTextWithTheLimit() {
    var problems = new InvalidInputException.Collector();
    assertThat(problems.requiredText(" abcd ", "f", 3, EMPTY, LONG)).isEqualTo("abcd");
    assertThatThrownBy(problems::throwIfAny)
        .isInstanceOfSatisfying(
            InvalidInputException.class,
            e -> {
              assertThat(e.fields()).hasSize(1);
              assertThat(e.fields().get(0).code()).isEqualTo(LONG);
              assertThat(e.fields().get(0).args()).containsExactly(3);
            });
  }
}
