package org.lectern.shared.web.api;

import tools.jackson.databind.json.JsonMapper;

/** The API's JSON reading rules ({@link TextInputJson}) for tests outside this package. */
public final class StrictJson {

  private StrictJson() {}

  /** A mapper with the API's strict reading: unknown properties, duplicate keys, text input. */
  public static JsonMapper mapper() {
    var builder = JsonMapper.builder();
    new TextInputJson.Strict().customize(builder);
    return builder.build();
  }
}
