package org.lectern.shared.database;

import java.util.LinkedHashMap;
import java.util.Map;
import org.lectern.shared.i18n.LocalizedText;
import org.postgresql.util.PGobject;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** Maps {@link LocalizedText} to and from PostgreSQL {@code jsonb} columns. */
public final class Json {

  private static final JsonMapper MAPPER = JsonMapper.builder().build();
  private static final TypeReference<LinkedHashMap<String, String>> MAP = new TypeReference<>() {};

  private Json() {}

  public static PGobject jsonb(LocalizedText text) {
    return jsonb(MAPPER.writeValueAsString(text == null ? Map.of() : text.values()));
  }

  public static PGobject jsonb(String json) {
    try {
      PGobject o = new PGobject();
      o.setType("jsonb");
      o.setValue(json);
      return o;
    } catch (java.sql.SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  public static LocalizedText text(String json) {
    if (json == null || json.isBlank()) {
      return LocalizedText.empty();
    }
    return new LocalizedText(MAPPER.readValue(json, MAP));
  }

  public static String write(Object value) {
    return MAPPER.writeValueAsString(value);
  }

  public static <T> T read(String json, Class<T> type) {
    return MAPPER.readValue(json, type);
  }
}
