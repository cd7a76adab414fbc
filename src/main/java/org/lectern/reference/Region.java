package org.lectern.reference;

import java.util.Map;

/**
 * A first-level unit of Kazakhstan (ISO 3166-2) with its names and administrative centre, or the
 * pseudo-region OTHER for people outside the country.
 */
public record Region(
    String code,
    String type,
    Map<String, String> names,
    Map<String, String> centres,
    double lat,
    double lon) {

  public String name(String lang) {
    return names.getOrDefault(lang, names.get("en"));
  }

  public String centre(String lang) {
    return centres.getOrDefault(lang, centres.get("en"));
  }
}
