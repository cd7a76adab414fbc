package org.lectern.registration;

import java.util.List;
import java.util.Map;
import org.lectern.registration.RegistrationApiController.RegistrationBody;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DatabindException;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.JavaType;
import tools.jackson.databind.ValueDeserializer;

/**
 * Reads the organiser API's registration body in one pass (issue 16). It was a record with the
 * delegate's details {@code @JsonUnwrapped}: Jackson copied every property it did not know into a
 * token buffer and read the details from that buffer afterwards — 8–20 % of the request's CPU.
 *
 * <p>The JSON accepted and refused, and the problem named, stay exactly as they were ({@code
 * RegistrationBodyTest} compares both readings over generated bodies): {@code answers}, {@code
 * consent}, {@code attendance} and {@code invitation} are read where they stand and refused at
 * once; a problem with a detail or an unknown property is kept and reported after the whole object
 * was read (where the buffered reading found it), unless a later one of the four, or malformed
 * JSON, is reported first.
 */
final class RegistrationBodyReader extends ValueDeserializer<RegistrationBody> {

  /** The delegate's details, in {@link DelegateDetails}' order; {@code barMember} is a Boolean. */
  static final List<String> DETAILS = DelegateDetails.FIELDS;

  private static final int BAR_MEMBER = DETAILS.indexOf("barMember");

  /**
   * Stateless: made once and kept in Jackson's cache. Not cachable (the default for a custom
   * deserializer), it was made again for every request through the annotation's lookup — 4 % of the
   * request threads' samples (issue 16, tenth pass).
   */
  @Override
  public boolean isCachable() {
    return true;
  }

  @Override
  public RegistrationBody deserialize(JsonParser p, DeserializationContext ctxt) {
    if (!p.isExpectedStartObjectToken()) {
      return (RegistrationBody) ctxt.handleUnexpectedToken(RegistrationBody.class, p);
    }
    String[] text = new String[DETAILS.size()];
    Boolean barMember = null;
    Map<String, Object> answers = null;
    Boolean consent = null;
    Map<String, String> attendance = null;
    String invitation = null;
    JacksonException pending = null;
    for (String name = p.nextName(); name != null; name = p.nextName()) {
      JsonToken token = p.nextToken();
      switch (name) {
        case "answers" -> answers = read(p, ctxt, answersType(ctxt), name);
        case "consent" -> consent = read(p, ctxt, ctxt.constructType(Boolean.class), name);
        case "attendance" -> attendance = read(p, ctxt, attendanceType(ctxt), name);
        case "invitation" -> invitation = read(p, ctxt, ctxt.constructType(String.class), name);
        default -> {
          int i = DETAILS.indexOf(name);
          if (i < 0) {
            // Refused at once, as before (not deferred like a detail's value).
            ctxt.handleUnknownProperty(p, this, RegistrationBody.class, name);
            continue;
          }
          if (pending != null) {
            p.skipChildren();
            continue;
          }
          JsonParser value = p;
          if (token.isStructStart()) {
            // Read from a copy, so that a refusal leaves the parser after the value.
            value = ctxt.bufferAsCopyOfValue(p).asParserOnFirstToken(ctxt);
          }
          try {
            if (i == BAR_MEMBER) {
              barMember = read(value, ctxt, ctxt.constructType(Boolean.class), name);
            } else {
              text[i] = read(value, ctxt, ctxt.constructType(String.class), name);
            }
          } catch (JacksonException e) {
            pending = e;
          }
        }
      }
    }
    if (pending != null) {
      throw pending;
    }
    return new RegistrationBody(
        new DelegateDetails(
            text[0], text[1], text[2], text[3], text[4], text[5], text[6], text[7], text[8],
            barMember, text[10], text[11], text[12]),
        answers,
        consent,
        attendance,
        invitation);
  }

  /**
   * A property's value as Jackson reads a record's component: null for null, the path on errors.
   */
  @SuppressWarnings("unchecked")
  private static <T> T read(JsonParser p, DeserializationContext ctxt, JavaType type, String name) {
    if (p.currentToken() == JsonToken.VALUE_NULL) {
      return null;
    }
    try {
      return (T) ctxt.readValue(p, type);
    } catch (JacksonException e) {
      throw DatabindException.wrapWithPath(e, RegistrationBody.class, name);
    }
  }

  private static JavaType answersType(DeserializationContext ctxt) {
    return ctxt.getTypeFactory().constructMapType(Map.class, String.class, Object.class);
  }

  private static JavaType attendanceType(DeserializationContext ctxt) {
    return ctxt.getTypeFactory().constructMapType(Map.class, String.class, String.class);
  }
}
