package org.lectern.authorisation;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The expected outcomes, read from a text file: {@code policy NAME OWN FOREIGN} lines name a row of
 * outcomes (one letter per role, in {@link MatrixWorld#ROLES} order, for the roles' own object and
 * for a foreign organisation's), and {@code METHOD /pattern POLICY [placeholder]} lines give each
 * route its policy (or an inline {@code OWN/FOREIGN} pair), optionally followed by {@code body=…}:
 * what to send instead of an empty body (JSON for the API, a form elsewhere; path variables in it
 * are filled like the path's), so that the request gets past validation to the authorisation check.
 */
final class MatrixTable {

  record Expectation(String own, String foreign, boolean placeholder, String body) {
    char at(boolean isForeign, int role) {
      return (isForeign ? foreign : own).charAt(role);
    }
  }

  private final Map<String, Expectation> routes = new LinkedHashMap<>();

  static MatrixTable load(String resource) {
    MatrixTable t = new MatrixTable();
    Map<String, String[]> policies = new LinkedHashMap<>();
    try (var in =
        new BufferedReader(
            new InputStreamReader(
                MatrixTable.class.getResourceAsStream(resource), StandardCharsets.UTF_8))) {
      String line;
      while ((line = in.readLine()) != null) {
        String l = line.strip();
        String body = null;
        int b = l.indexOf(" body=");
        if (b > 0) {
          body = l.substring(b + 6).strip();
          l = l.substring(0, b).strip();
        }
        if (l.isEmpty() || l.startsWith("#")) {
          continue;
        }
        String[] w = l.split("\\s+");
        if (w[0].equals("policy")) {
          policies.put(w[1], new String[] {check(w[2], l), check(w[3], l)});
          continue;
        }
        String[] outcomes = w[2].contains("/") ? w[2].split("/") : policies.get(w[2]);
        if (outcomes == null) {
          throw new IllegalArgumentException("unknown policy in: " + l);
        }
        boolean placeholder = w.length > 3 && w[3].equals("placeholder");
        String route = w[0] + " " + w[1];
        if (t.routes.put(
                route,
                new Expectation(check(outcomes[0], l), check(outcomes[1], l), placeholder, body))
            != null) {
          throw new IllegalArgumentException("route written down twice: " + route);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return t;
  }

  private static String check(String outcomes, String line) {
    if (outcomes.length() != MatrixWorld.ROLES.size() || !outcomes.matches("[ALFNXE]+")) {
      throw new IllegalArgumentException("need one of A L F N X E per role in: " + line);
    }
    return outcomes;
  }

  boolean has(String route) {
    return routes.containsKey(route);
  }

  Expectation expectation(String route) {
    return routes.get(route);
  }

  List<String> routes() {
    return List.copyOf(routes.keySet());
  }
}
