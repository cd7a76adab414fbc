package org.lectern.shared.web.api;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.lectern.shared.text.TextInput;
import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.BeanDescription;
import tools.jackson.databind.DeserializationConfig;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.KeyDeserializer;
import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.cfg.CoercionAction;
import tools.jackson.databind.cfg.CoercionInputShape;
import tools.jackson.databind.deser.ValueDeserializerModifier;
import tools.jackson.databind.deser.jdk.StringDeserializer;
import tools.jackson.databind.deser.std.DelegatingDeserializer;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.module.SimpleModule;
import tools.jackson.databind.type.LogicalType;

/**
 * Applies {@link TextInput} to every string of every JSON body (values, map keys and free-form
 * values such as registration answers), and makes the API strict: a property nobody reads and a key
 * given twice are refused, not silently dropped or overwritten, and a value of the wrong type is
 * refused rather than converted — a number or boolean where text goes, text where a number or
 * boolean goes, a fraction where a whole number goes, a number where a choice goes (API.md, "Text
 * input", "Unknown fields, wrong types, malformed bodies").
 */
@Configuration(proxyBeanMethods = false)
class TextInputJson {

  @Bean
  JsonMapperBuilderCustomizer textInputJsonMapper() {
    return new Strict();
  }

  /** Runs after Boot's own customizer, which switches unknown-property failures off. */
  static final class Strict implements JsonMapperBuilderCustomizer, Ordered {
    @Override
    public void customize(tools.jackson.databind.json.JsonMapper.Builder builder) {
      builder
          .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
          // No lenient coercion: "42" is not a number, 42 or true is not a text, 1.5 is not a
          // whole number, 0 is not a choice — each is refused as the wrong type (API.md).
          .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
          .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
          .enable(tools.jackson.databind.cfg.EnumFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
          .withCoercionConfig(
              LogicalType.Textual,
              c ->
                  c.setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                      .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                      .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail))
          .addModule(module());
    }

    @Override
    public int getOrder() {
      return Ordered.LOWEST_PRECEDENCE;
    }
  }

  static SimpleModule module() {
    return new SimpleModule("lectern-text-input")
        .addDeserializer(String.class, new Text())
        .addDeserializer(Object.class, new Untyped())
        .addKeyDeserializer(String.class, new Key())
        .setDeserializerModifier(new DateTimeAsText());
  }

  /**
   * A date or time is written as text ({@code "2030-02-09T10:00:00+06:00"}): Jackson's {@code
   * java.time} readers take a number as seconds (or days) since 1970 and ignore the coercion
   * settings above, so {@code 42} would become 1970-01-01T00:00:42Z. Every {@code java.time} reader
   * is wrapped so that a number or boolean is refused as the wrong type, naming the field.
   */
  static final class DateTimeAsText extends ValueDeserializerModifier {
    @Override
    public ValueDeserializer<?> modifyDeserializer(
        DeserializationConfig config,
        BeanDescription.Supplier description,
        ValueDeserializer<?> deserializer) {
      Class<?> type = description.getBeanClass();
      return type.getPackageName().equals("java.time") && !type.isEnum()
          ? new TextOnly(deserializer)
          : deserializer;
    }
  }

  static final class TextOnly extends DelegatingDeserializer {
    TextOnly(ValueDeserializer<?> delegate) {
      super(delegate);
    }

    @Override
    protected ValueDeserializer<?> newDelegatingInstance(ValueDeserializer<?> delegate) {
      return new TextOnly(delegate);
    }

    @Override
    public Object deserialize(JsonParser p, DeserializationContext ctxt) {
      JsonToken t = p.currentToken();
      if (t != null && (t.isNumeric() || t.isBoolean())) {
        return ctxt.handleUnexpectedToken(handledType(), p);
      }
      return super.deserialize(p, ctxt);
    }
  }

  /** Thrown to Jackson so that the field's path is added; the cause holds the rule's code. */
  static final class RefusedText extends MismatchedInputException {
    RefusedText(JsonParser p, TextInput.Refused cause) {
      super(p, "text refused: " + cause.code(), String.class);
      initCause(cause);
    }
  }

  static String normalise(JsonParser p, String value) {
    try {
      return TextInput.normalise(value);
    } catch (TextInput.Refused e) {
      throw new RefusedText(p, e);
    }
  }

  static final class Text extends StringDeserializer {
    /**
     * Stateless, so kept in Jackson's cache: not cachable (a custom deserializer's default), it was
     * looked up and made again for every string value of every API body (issue 16, tenth pass).
     */
    @Override
    public boolean isCachable() {
      return true;
    }

    @Override
    public String deserialize(JsonParser p, DeserializationContext ctxt) {
      return normalise(p, super.deserialize(p, ctxt));
    }
  }

  static final class Key extends KeyDeserializer {
    @Override
    public Object deserializeKey(String key, DeserializationContext ctxt) {
      return normalise(ctxt.getParser(), key);
    }
  }

  /** {@code Object}-typed values (free-form answers, text by language) as maps, lists, scalars. */
  static final class Untyped extends ValueDeserializer<Object> {
    /** Stateless, so kept in Jackson's cache (as {@link Text}). */
    @Override
    public boolean isCachable() {
      return true;
    }

    @Override
    public Object deserialize(JsonParser p, DeserializationContext ctxt) {
      JsonNode tree = ctxt.readTree(p);
      return plain(p, tree);
    }

    @Override
    public Object getNullValue(DeserializationContext ctxt) {
      return null;
    }

    private static Object plain(JsonParser p, JsonNode n) {
      if (n == null || n.isNull() || n.isMissingNode()) {
        return null;
      }
      if (n.isObject()) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (var e : n.properties()) {
          m.put(normalise(p, e.getKey()), plain(p, e.getValue()));
        }
        return m;
      }
      if (n.isArray()) {
        List<Object> l = new ArrayList<>();
        n.forEach(v -> l.add(plain(p, v)));
        return l;
      }
      if (n.isString()) {
        return normalise(p, n.asString());
      }
      if (n.isBoolean()) {
        return n.booleanValue();
      }
      if (n.isNumber()) {
        return n.numberValue();
      }
      return n.asString();
    }
  }
}
