package org.lectern.authorisation;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Fills a route's path variables with the objects of the world: {@code {id}} after {@code
 * programmes} is the programme, after {@code sessions} the session, and so on. Inner objects the
 * world does not create (polls, chat messages, uploads) get a random id: routes that hold one are
 * flagged {@code placeholder} in the table.
 */
final class PathValues {

  private static final Pattern VARIABLE = Pattern.compile("\\{([A-Za-z]+)(:[^}]*)?}");

  private PathValues() {}

  static String fill(String pattern, MatrixWorld.Objects o) {
    Matcher m = VARIABLE.matcher(pattern);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      String before = pattern.substring(0, m.start());
      String segment = before.replaceAll(".*/([^/]+)/$", "$1");
      String value =
          pattern.endsWith("/erase") && "registrations".equals(segment)
              // An erasure really erases: it gets a registration of its own.
              ? o.erasableRegistration().toString()
              : value(m.group(1), segment, before, o);
      m.appendReplacement(out, Matcher.quoteReplacement(value));
    }
    m.appendTail(out);
    return out.toString();
  }

  private static String value(String name, String segment, String before, MatrixWorld.Objects o) {
    return switch (name) {
      case "id" ->
          switch (segment) {
            case "programmes" -> o.programme().toString();
            case "sessions" -> o.session().toString();
            case "speakers" -> o.speaker().toString();
            case "organisations" -> o.organisation().toString();
            case "accounts", "users" -> o.user().toString();
            case "done" -> o.registration().toString();
            case "registrations" ->
                before.startsWith("/my/")
                    ? o.delegateRegistration().toString()
                    : o.registration().toString();
            case "tokens" -> o.token().toString();
            default -> throw new IllegalArgumentException("no object for {id} after " + before);
          };
      case "slug" ->
          before.startsWith("/organisations/") ? o.organisationSlug() : o.programmeSlug();
      case "userId" -> o.user().toString();
      case "programmeId" -> o.programme().toString();
      case "sessionId" -> o.session().toString();
      case "registrationId" -> o.registration().toString();
      case "organisationId" -> o.organisation().toString();
      case "q" -> o.question().toString();
      case "code" -> o.certificate();
      case "role" -> before.contains("/partner") ? "CO_ORGANISER" : "SPEAKER";
      case "action" -> before.contains("/polls/") ? "open" : "confirm";
      case "format" -> "csv";
      case "kind" -> "pre";
      case "number" -> "9";
      case "token", "secret" -> "no-such-link-0000000000";
      case "upload", "pid", "qid", "mid", "tid", "requestId", "postId", "imageId", "invitationId" ->
          "00000000-0000-4000-8000-000000000000";
      default -> throw new IllegalArgumentException("no value for {" + name + "} in " + before);
    };
  }
}
