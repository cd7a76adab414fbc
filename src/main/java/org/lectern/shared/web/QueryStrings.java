package org.lectern.shared.web;

import java.util.Arrays;
import java.util.stream.Collectors;

/** Small query-string edits for links that keep the visitor's place. */
final class QueryStrings {

  private QueryStrings() {}

  static String without(String query, String name) {
    if (query == null || query.isBlank()) {
      return "";
    }
    return Arrays.stream(query.split("&"))
        .filter(p -> !p.isEmpty() && !p.equals(name) && !p.startsWith(name + "="))
        .collect(Collectors.joining("&"));
  }
}
