package org.lectern.shared.web.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.json.JsonMapper;

/**
 * The API reads a value only as its own type: no number or boolean becomes text, no text becomes a
 * number or boolean, no fraction a whole number, no number a choice.
 */
class StrictTypesTest {

  enum Colour {
    RED,
    GREEN
  }

  record Body(
      String text,
      Integer count,
      Boolean flag,
      Colour colour,
      List<String> tags,
      java.time.OffsetDateTime at,
      java.time.LocalDate day,
      java.time.Instant moment,
      java.util.UUID id) {}

  static final JsonMapper JSON = StrictJson.mapper();

  @ParameterizedTest
  @ValueSource(
      strings = {
        "{\"text\": 42}",
        "{\"text\": -1.5}",
        "{\"text\": true}",
        "{\"count\": \"42\"}",
        "{\"count\": 1.5}",
        "{\"count\": 2.0}",
        "{\"flag\": \"true\"}",
        "{\"flag\": 1}",
        "{\"colour\": 0}",
        "{\"tags\": [1]}",
        "{\"tags\": [false]}",
        "{\"id\": 42}",
        "{\"at\": 42}",
        "{\"at\": -1.5}",
        "{\"at\": true}",
        "{\"day\": 20000}",
        "{\"moment\": 1700000000}",
      })
  void aValueOfAnotherTypeIsRefusedNamingItsField(String body) {
    String field = body.substring(2, body.indexOf('"', 2));
    assertThatThrownBy(() -> JSON.readValue(body, Body.class))
        .isInstanceOf(MismatchedInputException.class)
        .satisfies(
            e ->
                assertThat(((MismatchedInputException) e).getPath().get(0).getPropertyName())
                    .isEqualTo(field));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "{\"text\": \"42\", \"count\": 42, \"flag\": true, \"colour\": \"RED\","
            + " \"tags\": [\"a\"], \"at\": \"2030-02-09T10:00:00+06:00\","
            + " \"day\": \"2030-02-09\", \"moment\": \"2030-02-09T04:00:00Z\","
            + " \"id\": \"00000000-0000-0000-0000-000000000000\"}",
        "{\"text\": null, \"count\": null, \"flag\": null, \"colour\": null, \"tags\": []}",
      })
  void valuesOfTheirOwnTypeAreRead(String body) {
    assertThat(JSON.readValue(body, Body.class)).isNotNull();
  }

  record Titled(TextValue title) {}

  @ParameterizedTest
  @ValueSource(
      strings = {
        "{\"title\": {\"en\": 42}}",
        "{\"title\": {\"ru\": true}}",
        "{\"title\": {\"kk\": {\"x\": \"y\"}}}",
        "{\"title\": {\"en\": [\"a\"]}}",
        "{\"title\": 42}",
      })
  void aLanguagesTextThatIsNotTextIsRefusedNamingTheField(String body) {
    assertThatThrownBy(() -> JSON.readValue(body, Titled.class))
        .isInstanceOf(tools.jackson.databind.DatabindException.class)
        .satisfies(
            e ->
                assertThat(
                        ((tools.jackson.databind.DatabindException) e)
                            .getPath()
                            .get(0)
                            .getPropertyName())
                    .isEqualTo("title"));
  }

  @org.junit.jupiter.api.Test
  void textByLanguageIsRead() {
    Titled t = JSON.readValue("{\"title\": {\"en\": \"A\", \"kk\": null}}", Titled.class);
    assertThat(t.title().byLanguage()).containsEntry("en", "A").containsEntry("kk", null);
  }

  @org.junit.jupiter.api.Test
  void freeFormValuesKeepTheirTypes() {
    Object read = JSON.readValue("{\"a\": 42, \"b\": true, \"c\": \"x\"}", Object.class);
    assertThat(read).isEqualTo(Map.of("a", 42, "b", true, "c", "x"));
  }
}
