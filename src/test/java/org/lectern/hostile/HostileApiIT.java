package org.lectern.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.lectern.support.Http;
import tools.jackson.databind.JsonNode;

/**
 * Generated hostile input against every operation of the OpenAPI document, discovered at run time
 * (a new endpoint is covered without editing this test). For each operation: malformed bodies
 * (empty, cut short, a key twice, 10 000 nested arrays, invalid UTF-8, the wrong root type, an
 * unknown field, the wrong content type), odd ids in every path parameter, and {@value #TRIES}
 * requests from a seeded generator, each replacing one field (or query parameter) with a hostile
 * value ({@link HostileValues}) as one of four callers (anonymous, an organiser of another
 * organisation, the programme's organiser, a platform administrator). Every text field of every
 * body is also given a number and a boolean ({@link #wrongTypes}): never accepted, 422 {@code
 * validation.type} naming the field when the body is read.
 *
 * <p>The property: no answer is a 5xx; every refusal is {@code application/problem+json} with
 * {@code status} and {@code title}; a refused request changes none of the checked tables.
 *
 * <p>Coverage is printed ({@code Hostile API input: N operations, M requests}) and recorded in
 * BENCHMARKS.md, so that shrinking coverage is visible.
 */
class HostileApiIT extends HostileFixture {

  static final long SEED = 19;
  static final int TRIES = 12;
  static final int MIN_OPERATIONS = 24;
  private static final Pattern PARAM = Pattern.compile("\\{([^}]+)}");
  private static final List<String> ROLES =
      List.of("anonymous", "otherOrganiser", "organiser", "admin");

  JsonNode api;
  int wrongTypesRefused;

  @BeforeAll
  void world() {
    createWorld();
    var doc = http.get("/v3/api-docs");
    assertThat(doc.status()).isEqualTo(200);
    api = doc.json();
  }

  record Operation(String method, String path, JsonNode spec) {
    @Override
    public String toString() {
      return method + " " + path;
    }
  }

  List<Operation> operations() {
    List<Operation> ops = new ArrayList<>();
    for (var path : api.get("paths").properties()) {
      if (!path.getKey().startsWith("/api/")) {
        continue;
      }
      for (var m : path.getValue().properties()) {
        String method = m.getKey().toUpperCase(java.util.Locale.ROOT);
        if (List.of("GET", "POST", "PUT", "PATCH", "DELETE").contains(method)
            && !m.getValue().toString().contains("text/event-stream")) {
          ops.add(new Operation(method, path.getKey(), m.getValue()));
        }
      }
    }
    return ops;
  }

  @Test
  void noOperationCrashesOrChangesAnythingWhenItRefuses() {
    Random random = new Random(SEED);
    List<Operation> ops = operations();
    List<String> violations = new ArrayList<>();
    int requests = 0;
    int refusals = 0;
    for (Operation op : ops) {
      List<Case> cases = new ArrayList<>(fixedCases(op));
      for (int i = 0; i < TRIES; i++) {
        cases.add(generated(op, random));
      }
      for (Case c : cases) {
        String before = snapshot();
        Answer a = send(c.method(), c.path(), c.contentType(), c.body(), auth(c.role()));
        requests++;
        if (a.status() >= 400) {
          refusals++;
        }
        String v = violation(a, before, c.path());
        if (v == null && c.wrongType() != null) {
          v = typeViolation(a, c.wrongType());
        }
        if (v != null) {
          violations.add(op + " as " + c.role() + " [" + c.label() + "] → " + v);
        }
      }
    }
    System.out.printf(
        "Hostile API input: %d operations, %d requests, %d refused (%d by the server before the"
            + " application, %d numbers or booleans for text as validation.type), %d violations%n",
        ops.size(), requests, refusals, rejectedByServer, wrongTypesRefused, violations.size());
    violations.stream().limit(150).forEach(v -> System.out.println("VIOLATION " + v));
    assertThat(ops.size())
        .as("operations found in /v3/api-docs")
        .isGreaterThanOrEqualTo(MIN_OPERATIONS);
    assertThat(violations).isEmpty();
    assertThat(wrongTypesRefused)
        .as("text fields given a number or boolean, refused naming the field")
        .isGreaterThanOrEqualTo(MIN_OPERATIONS);
  }

  /**
   * Ids are opaque (docs/API.md): a path segment that no object could have as its id names nothing,
   * so it is 404 problem+json in the caller's language, as an unknown id is — never 400 for some
   * routes and 404 for others. Every path parameter of every operation, one at a time, the others
   * real, as the programme's organiser. The one exception: naming an organisation on a programme
   * ({@code PUT …/partners/{organisationId}/{role}}) reads both as the new link's input — 422
   * naming the field (an organisation that does not exist gets the same 202 as one that does).
   */
  @Test
  void anIdNoObjectCouldHaveIsNotFoundInTheCallersLanguage() {
    List<String> wrong = new ArrayList<>();
    int requests = 0;
    for (Operation op : operations()) {
      if (op.toString().equals("PUT /api/v1/programmes/{id}/partners/{organisationId}/{role}")) {
        continue;
      }
      boolean multipart = op.spec().at("/requestBody/content").has("multipart/form-data");
      for (String param : params(op)) {
        String[] headers = {
          "Authorization", auth("organiser")[1], "Accept-Language", "ru",
        };
        Answer a =
            send(
                op.method(),
                path(op, param, "not-a-uuid"),
                json(op)
                    ? "application/json"
                    : multipart ? "multipart/form-data; boundary=x" : null,
                json(op) ? utf8("{}") : multipart ? utf8(FILE_PART) : null,
                headers);
        requests++;
        if (a.status() != 404
            || !a.contentType().startsWith("application/problem+json")
            || !a.body().matches("(?s).*\"detail\":\"[^\"]*[а-яА-Я].*")) {
          wrong.add(
              op
                  + " "
                  + param
                  + " → "
                  + a.status()
                  + " "
                  + a.body().substring(0, Math.min(200, a.body().length())));
        }
      }
    }
    System.out.printf("Malformed ids: %d requests, %d not 404%n", requests, wrong.size());
    wrong.forEach(w -> System.out.println("  NOT 404 " + w));
    assertThat(requests).isGreaterThan(MIN_OPERATIONS);
    assertThat(wrong).isEmpty();
  }

  /** A multipart body with one small file in the part {@code file}. */
  private static final String FILE_PART =
      "--x\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.csv\"\r\n"
          + "Content-Type: application/octet-stream\r\n\r\nabc\r\n--x--\r\n";

  /**
   * One request to send; {@code wrongType} names the text field given a number or a boolean (null
   * for the other cases).
   */
  record Case(
      String label,
      String role,
      String method,
      String path,
      String contentType,
      byte[] body,
      String wrongType) {
    Case(String label, String role, String method, String path, String contentType, byte[] body) {
      this(label, role, method, path, contentType, body, null);
    }
  }

  /** What a text field is given in the wrong-type cases: never read as text. */
  static final List<String> NOT_TEXT = List.of("42", "-1.5", "true");

  List<Case> fixedCases(Operation op) {
    List<Case> cases = new ArrayList<>();
    String path = path(op, null, null);
    for (String param : params(op)) {
      for (String id : HostileValues.IDS) {
        cases.add(
            new Case(
                "id " + param + "=" + shorten(id),
                "organiser",
                op.method(),
                path(op, param, id),
                json(op) ? "application/json" : null,
                json(op) ? utf8("{}") : null));
      }
    }
    if (!json(op)) {
      return cases;
    }
    JsonNode schema = schema(op);
    String first = firstProperty(schema);
    List<Object[]> bodies =
        List.of(
            new Object[] {"empty", utf8("")},
            new Object[] {"cut short", utf8("{\"" + first + "\": ")},
            new Object[] {"array root", utf8("[]")},
            new Object[] {"null root", utf8("null")},
            new Object[] {"string root", utf8("\"text\"")},
            new Object[] {
              "key twice", utf8("{\"" + first + "\": \"a\", \"" + first + "\": \"b\"}")
            },
            new Object[] {"unknown field", utf8("{\"zzUnknownField\": \"x\"}")},
            new Object[] {"depth bomb", utf8("[".repeat(10_000) + "]".repeat(10_000))},
            new Object[] {"invalid UTF-8", bytes("{\"" + first + "\": \"", 0xC3, 0x28, "\"}")},
            new Object[] {"overlong NUL", bytes("{\"" + first + "\": \"a", 0xC0, 0x80, "\"}")},
            new Object[] {
              "CESU surrogate", bytes("{\"" + first + "\": \"a", 0xED, 0xA0, 0x80, "\"}")
            });
    for (Object[] b : bodies) {
      cases.add(
          new Case(
              (String) b[0], "organiser", op.method(), path, "application/json", (byte[]) b[1]));
    }
    cases.add(new Case("text/plain", "organiser", op.method(), path, "text/plain", utf8("hello")));
    cases.addAll(wrongTypes(op, schema, path));
    return cases;
  }

  /**
   * Each text field of the body, in turn, given a number or a boolean among plausible values of the
   * others, as the programme's organiser: never read as text (no "42" taken for a title).
   */
  List<Case> wrongTypes(Operation op, JsonNode schema, String path) {
    List<Case> cases = new ArrayList<>();
    List<String> fields = properties(schema);
    for (String field : fields) {
      JsonNode p = resolve(schema.get("properties").get(field));
      if (p == null || p.get("type") == null || !"string".equals(p.get("type").asString())) {
        continue;
      }
      for (String value : NOT_TEXT) {
        StringBuilder body = new StringBuilder("{");
        for (String f : fields) {
          if (!f.equals(field)) {
            body.append('"')
                .append(f)
                .append("\":")
                .append(baseline(schema.get("properties").get(f)))
                .append(',');
          }
        }
        body.append('"').append(field).append("\":").append(value).append('}');
        cases.add(
            new Case(
                "wrong type " + field + "=" + value,
                "organiser",
                op.method(),
                path,
                "application/json",
                utf8(body.toString()),
                field));
      }
    }
    return cases;
  }

  /**
   * A wrong-type case is never accepted; refused as content (422), it names the field with {@code
   * validation.type} (401, 403, 404 before the body is read are fine).
   */
  String typeViolation(Answer a, String field) {
    if (a.status() < 400) {
      return a.status() + ": a number or boolean was taken for the text " + field;
    }
    if (a.status() != 422) {
      return null;
    }
    var errors = Http.JSON.readTree(a.body()).get("errors");
    if (errors != null) {
      for (var e : errors) {
        if (field.equals(e.path("field").asString())
            && "validation.type".equals(e.path("code").asString())) {
          wrongTypesRefused++;
          return null;
        }
      }
    }
    return "422 without {field: " + field + ", code: validation.type}: " + abbreviate(a.body());
  }

  Case generated(Operation op, Random random) {
    String role = HostileValues.pick(random, ROLES);
    List<String> params = params(op);
    String param = null;
    String id = null;
    if (!params.isEmpty() && (random.nextInt(5) == 0 || op.method().equals("DELETE"))) {
      param =
          op.method().equals("DELETE")
              ? params.get(params.size() - 1)
              : HostileValues.pick(random, params);
      id = HostileValues.pick(random, HostileValues.IDS);
    }
    String path = path(op, param, id);
    List<String> query = queryParams(op);
    String label = param == null ? "" : "id " + param + "=" + shorten(id) + " ";
    if (!query.isEmpty() && (!json(op) || random.nextBoolean())) {
      String q = HostileValues.pick(random, query);
      String v = HostileValues.text(random);
      path += (path.contains("?") ? "&" : "?") + Http.enc(q) + "=" + Http.enc(v);
      label += "query " + q + "=" + shorten(v) + " ";
    }
    if (!json(op)) {
      return new Case(label, role, op.method(), path, null, null);
    }
    JsonNode schema = schema(op);
    List<String> fields = properties(schema);
    String value = HostileValues.json(random);
    String field = fields.isEmpty() ? "zzUnknownField" : HostileValues.pick(random, fields);
    boolean full = random.nextBoolean();
    StringBuilder body = new StringBuilder("{");
    for (String f : fields) {
      if (f.equals(field)) {
        continue;
      }
      if (full) {
        body.append('"')
            .append(f)
            .append("\":")
            .append(baseline(schema.get("properties").get(f)))
            .append(',');
      }
    }
    body.append('"').append(field).append("\":").append(value).append('}');
    label += "field " + field + "=" + shorten(value) + (full ? " (full body)" : "");
    return new Case(label, role, op.method(), path, "application/json", utf8(body.toString()));
  }

  boolean json(Operation op) {
    JsonNode rb = op.spec().get("requestBody");
    return rb != null
        && rb.get("content") != null
        && rb.get("content").get("application/json") != null;
  }

  JsonNode schema(Operation op) {
    return resolve(
        op.spec().get("requestBody").get("content").get("application/json").get("schema"));
  }

  JsonNode resolve(JsonNode schema) {
    if (schema != null && schema.get("$ref") != null) {
      String name = schema.get("$ref").asString().replace("#/components/schemas/", "");
      return api.get("components").get("schemas").get(name);
    }
    return schema;
  }

  List<String> properties(JsonNode schema) {
    List<String> names = new ArrayList<>();
    if (schema != null && schema.get("properties") != null) {
      Iterator<String> it = schema.get("properties").propertyNames().iterator();
      it.forEachRemaining(names::add);
    }
    return names;
  }

  String firstProperty(JsonNode schema) {
    List<String> p = properties(schema);
    return p.isEmpty() ? "value" : p.get(0);
  }

  /** A plausible value for a property, so that the hostile one is not the only thing read. */
  String baseline(JsonNode property) {
    JsonNode p = resolve(property);
    if (p == null) {
      return "\"x\"";
    }
    if (p.get("enum") != null && !p.get("enum").isEmpty()) {
      return p.get("enum").get(0).toString();
    }
    String type =
        p.get("type") == null
            ? ""
            : p.get("type").isArray() ? p.get("type").get(0).asString() : p.get("type").asString();
    String format = p.get("format") == null ? "" : p.get("format").asString();
    return switch (type) {
      case "integer", "number" -> "1";
      case "boolean" -> "true";
      case "array" -> "[]";
      case "object" -> "{}";
      default ->
          switch (format) {
            case "date-time" -> "\"2030-02-09T10:00:00+06:00\"";
            case "uuid" -> "\"" + programmeId + "\"";
            case "email" -> "\"someone@example.org\"";
            default -> "\"Text\"";
          };
    };
  }

  List<String> params(Operation op) {
    List<String> names = new ArrayList<>();
    Matcher m = PARAM.matcher(op.path());
    while (m.find()) {
      names.add(m.group(1));
    }
    return names;
  }

  List<String> queryParams(Operation op) {
    List<String> names = new ArrayList<>();
    JsonNode ps = op.spec().get("parameters");
    if (ps != null) {
      ps.forEach(
          p -> {
            if ("query".equals(p.get("in").asString())) {
              names.add(p.get("name").asString());
            }
          });
    }
    return names;
  }

  /** The operation's path with real ids, except {@code hostileParam} which gets {@code value}. */
  String path(Operation op, String hostileParam, String value) {
    Matcher m = PARAM.matcher(op.path());
    StringBuilder sb = new StringBuilder();
    while (m.find()) {
      String name = m.group(1);
      String before = op.path().substring(0, m.start());
      String replacement = name.equals(hostileParam) ? value : realValue(name, before);
      m.appendReplacement(sb, Matcher.quoteReplacement(replacement));
    }
    m.appendTail(sb);
    return sb.toString();
  }

  String realValue(String name, String before) {
    if (name.equals("role")) {
      return "SPEAKER";
    }
    if (name.equals("userId")) {
      return organiser.id().toString();
    }
    if (before.endsWith("/programmes/")) {
      return programmeId;
    }
    if (before.endsWith("/sessions/")) {
      return sessionId;
    }
    if (before.endsWith("/registrations/")) {
      return registrationId;
    }
    return "00000000-0000-0000-0000-000000000000";
  }

  static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  static byte[] bytes(Object... parts) {
    var out = new java.io.ByteArrayOutputStream();
    for (Object p : parts) {
      if (p instanceof String s) {
        out.writeBytes(utf8(s));
      } else {
        out.write((Integer) p);
      }
    }
    return out.toByteArray();
  }

  static String shorten(String s) {
    String visible = s.length() > 24 ? s.substring(0, 24) + "…(" + s.length() + ")" : s;
    return visible.replaceAll("\\p{Cntrl}", "?");
  }
}
