package org.lectern.registration;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.lectern.shared.database.Json;
import org.lectern.shared.text.TextInput;
import org.lectern.shared.web.JsonProblemAnswers;
import org.lectern.shared.web.api.StrictJson;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * The organiser API's registration body is read flat (issue 16: Jackson buffered every property of
 * the {@code @JsonUnwrapped} details, 8 % of a request's CPU). It must accept and refuse exactly
 * the JSON the unwrapped body did, with the same problem (exception type and field path): compared
 * here with the unwrapped body, kept as the reference, over generated bodies.
 */
class RegistrationBodyTest {

  /** The body as it was read before: the delegate's details unwrapped. */
  record UnwrappedBody(
      @JsonUnwrapped DelegateDetails details,
      Map<String, Object> answers,
      Boolean consent,
      Map<String, String> attendance,
      String invitation) {}

  static final JsonMapper MAPPER = StrictJson.mapper();

  static final List<String> DETAILS =
      List.of(
          "fullName",
          "email",
          "phone",
          "region",
          "country",
          "town",
          "profession",
          "yearsBand",
          "gender",
          "barMember",
          "licenceNumber",
          "language",
          "accessibility");
  static final List<String> OTHERS = List.of("answers", "consent", "attendance", "invitation");
  static final List<String> VALUES =
      List.of(
          "\"Ада Лавлейс\"",
          "\"ada@example.org\"",
          "\"\"",
          "\"  spaced  \"",
          "\"a\\u0000b\"",
          "\"\\u202Eevil\"",
          "\"x\\u0007\"",
          "null",
          "true",
          "false",
          "0",
          "-1.5e3",
          "12345678901234567890",
          "[]",
          "[\"a\",\"b\"]",
          "[1,null,true]",
          "{}",
          "{\"q1\":\"yes\"}",
          "{\"q1\":[\"a\",\"b\"],\"q2\":null}",
          "{\"q1\":{\"deep\":1}}",
          "{\"\\u0000\":\"x\"}",
          "\"yes\"",
          "\"ROOM\"");

  @Test
  void readsEveryGeneratedBodyAsTheUnwrappedBodyDid() {
    int accepted = 0;
    List<String> bodies = bodies();
    for (String body : bodies) {
      var expected = outcome(body, UnwrappedBody.class);
      var actual = outcome(body, RegistrationApiController.RegistrationBody.class);
      assertThat(actual).as(body).isEqualTo(expected);
      if (expected.startsWith("accepted")) {
        accepted++;
      }
    }
    assertThat(accepted).isGreaterThan(100);
    assertThat(bodies.size() - accepted).isGreaterThan(100);
  }

  /** Fixed bodies, every property with every value, and random objects of up to six of them. */
  static List<String> bodies() {
    Random random = new Random(16);
    List<String> bodies = new ArrayList<>(fixed());
    List<String> names = new ArrayList<>(DETAILS);
    names.addAll(OTHERS);
    names.addAll(List.of("unknown", "details", "Email", "full_name", ""));
    for (String name : names) {
      for (String value : VALUES) {
        bodies.add("{\"" + name + "\":" + value + "}");
        bodies.add("{\"email\":\"a@example.org\",\"" + name + "\":" + value + ",\"consent\":true}");
      }
    }
    for (int i = 0; i < 4000; i++) {
      StringBuilder sb = new StringBuilder("{");
      int n = random.nextInt(7);
      for (int j = 0; j < n; j++) {
        if (j > 0) {
          sb.append(',');
        }
        sb.append('"').append(names.get(random.nextInt(names.size()))).append("\":");
        sb.append(VALUES.get(random.nextInt(VALUES.size())));
      }
      bodies.add(sb.append('}').toString());
    }
    return bodies;
  }

  static List<String> fixed() {
    return List.of(
        "{}",
        "null",
        "[]",
        "\"x\"",
        "1",
        "{\"email\":\"a@example.org\",\"email\":\"b@example.org\"}",
        "{\"answers\":{\"q\":1,\"q\":2}}",
        "{\"email\":\"a@example.org\"",
        "{\"email\":\"a@example.org\",}",
        "{\"fullName\":\"Ada\",\"email\":\"ada@example.org\",\"language\":\"ru\",\"phone\":\"+7 700"
            + " 000 00 00\",\"region\":\"KZ-ALA\",\"country\":\"KZ\",\"town\":\"Алматы\","
            + "\"profession\":\"ADVOCATE\",\"yearsBand\":\"Y5_10\",\"gender\":\"F\","
            + "\"barMember\":true,\"licenceNumber\":\"123\",\"accessibility\":\"ramp\","
            + "\"answers\":{\"q1\":[\"a\",\"b\"],\"q2\":\"text\",\"q3\":7},\"consent\":true,"
            + "\"attendance\":{\"s1\":\"ROOM\"},\"invitation\":\"abc\"}",
        "{\"invitation\":\"abc\",\"attendance\":{\"s1\":\"ONLINE\"},\"email\":\"x@example.org\"}",
        "{\"barMember\":\"yes\"}",
        "{\"barMember\":\"maybe\"}",
        "{\"barMember\":1}",
        "{\"consent\":\"true\"}",
        "{\"consent\":\"no\"}",
        "{\"attendance\":{\"s1\":1}}",
        "{\"attendance\":{\"s1\":[\"ROOM\"]}}",
        "{\"answers\":[]}",
        "{\"details\":{\"email\":\"a@example.org\"}}",
        "{\"fullName\":{\"a\":1},\"answers\":[1]}",
        "{\"fullName\":[1,[2]],\"email\":{},\"consent\":\"x\"}",
        "{\"unknown\":{\"a\":[1]},\"barMember\":\"maybe\",\"invitation\":[]}",
        "{\"barMember\":\"maybe\",\"unknown\":1}",
        "{\"email\":\"a\\u0000\",\"attendance\":{\"s\":{}}}",
        "{\"email\":\"a\\u0000\",\"attendance\":{\"s\":\"ROOM\"},\"phone\":[]}",
        "{\"unknown\":1,\"email\":\"a@example.org\",\"email\":\"b\"}",
        "{\"fullName\":{\"x\":1},\"email\":\"a\"");
  }

  /** What reading does with a body: the request and idempotency text, or the problem it names. */
  static String outcome(String json, Class<?> type) {
    Object body;
    try {
      body = MAPPER.readValue(json, type);
    } catch (JacksonException e) {
      TextInput.Refused refused = null;
      for (Throwable c = e; c != null; c = c.getCause() == c ? null : c.getCause()) {
        if (c instanceof TextInput.Refused r) {
          refused = r;
        }
      }
      // What the API answers (the problem's field and code), and the exception behind it.
      return "refused "
          + JsonProblemAnswers.of(e)
          + " ("
          + e.getClass().getSimpleName()
          + " at "
          + path(e)
          + (refused == null ? "" : " " + refused.code())
          + ")";
    }
    if (body == null) {
      return "accepted null";
    }
    Object request;
    if (body instanceof UnwrappedBody u) {
      request =
          u.details() == null
              ? "no details"
              : RegistrationRequest.of(
                  u.details(),
                  answers(u.answers()),
                  Boolean.TRUE.equals(u.consent()),
                  u.attendance() == null ? Map.of() : u.attendance(),
                  u.invitation());
    } else {
      request = ((RegistrationApiController.RegistrationBody) body).toRequest();
    }
    return "accepted " + request + " written " + Json.write(body);
  }

  static Map<String, List<String>> answers(Map<String, Object> answers) {
    Map<String, List<String>> a = new LinkedHashMap<>();
    if (answers != null) {
      answers.forEach(
          (k, v) ->
              a.put(
                  k,
                  v instanceof List<?> l
                      ? l.stream().map(String::valueOf).toList()
                      : v == null ? List.of() : List.of(String.valueOf(v))));
    }
    return a;
  }

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
}
