package org.lectern.shared.web;

import jakarta.servlet.http.HttpServletRequest;
import java.lang.reflect.Method;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.boot.webmvc.autoconfigure.WebMvcRegistrations;
import org.springframework.stereotype.Component;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.condition.PathPatternsRequestCondition;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.ServletRequestPathUtils;
import org.springframework.web.util.pattern.PathPattern;

/**
 * Spring MVC's handler mapping with a quick first look at the path (issue 16).
 *
 * <p>A request whose path is not one of the direct (variable-free) routes is checked by Spring
 * against every one of the application's ~300 mappings, each check evaluating the method, params,
 * headers, consumes and produces conditions before the path; that search was a tenth of the CPU of
 * a public confirmation. Here each mapping keeps the literal beginnings of its path patterns (up to
 * the first variable or wildcard), and a mapping whose beginnings the request path does not start
 * with is passed over at once — such a mapping could not match anyway, because every pattern starts
 * with its literal beginning. Everything else is Spring's: the matching mappings found, their
 * order, 405/406/415 answers (those are worked out from all mappings separately), CORS.
 *
 * <p>The quick look is used only where it cannot differ from Spring's matching: case-sensitive
 * patterns, and request paths without percent-encoding or matrix parameters (which Spring decodes
 * or strips before comparing); other requests take Spring's path unchanged.
 */
class PrefixedHandlerMapping extends RequestMappingHandlerMapping {

  private final Map<RequestMappingInfo, String[]> beginnings = new ConcurrentHashMap<>();

  /**
   * The request being looked up on this thread and its plain path, worked out once per look-up
   * instead of once per mapping (it was two request-attribute reads through every wrapper of the
   * request, ~300 times a request: a third of the look-up's CPU).
   */
  private static final ThreadLocal<LookUp> LOOK_UP = new ThreadLocal<>();

  private record LookUp(HttpServletRequest request, String path) {}

  @Override
  protected HandlerMethod lookupHandlerMethod(String lookupPath, HttpServletRequest request)
      throws Exception {
    LookUp outer = LOOK_UP.get();
    LOOK_UP.set(new LookUp(request, plainPath(request)));
    try {
      return super.lookupHandlerMethod(lookupPath, request);
    } finally {
      if (outer == null) {
        LOOK_UP.remove();
      } else {
        LOOK_UP.set(outer);
      }
    }
  }

  @Override
  protected void registerHandlerMethod(Object handler, Method method, RequestMappingInfo mapping) {
    super.registerHandlerMethod(handler, method, mapping);
    String[] b = beginningsOf(mapping);
    if (b != null) {
      beginnings.put(mapping, b);
    }
  }

  @Override
  protected RequestMappingInfo getMatchingMapping(
      RequestMappingInfo info, HttpServletRequest request) {
    String[] b = beginnings.get(info);
    if (b != null && getPatternParser() != null && getPatternParser().isCaseSensitive()) {
      LookUp current = LOOK_UP.get();
      String path =
          current != null && current.request() == request ? current.path() : plainPath(request);
      if (path != null && !startsWithAny(path, b)) {
        return null;
      }
    }
    return super.getMatchingMapping(info, request);
  }

  /** The literal beginnings of a mapping's patterns, or null where one has none to compare. */
  static String[] beginningsOf(RequestMappingInfo mapping) {
    PathPatternsRequestCondition c = mapping.getPathPatternsCondition();
    if (c == null || c.getPatterns().isEmpty()) {
      return null;
    }
    String[] out = new String[c.getPatterns().size()];
    int i = 0;
    for (PathPattern p : c.getPatterns()) {
      String b = literalBeginning(p.getPatternString());
      if (b.length() < 2) {
        return null;
      }
      out[i++] = b;
    }
    return out;
  }

  /** The pattern up to its first variable or wildcard. */
  static String literalBeginning(String pattern) {
    for (int i = 0; i < pattern.length(); i++) {
      char ch = pattern.charAt(i);
      if (ch == '{' || ch == '*' || ch == '?' || ch == '\\') {
        return pattern.substring(0, i);
      }
    }
    return pattern;
  }

  /** The path within the application as sent, or null where Spring would decode or strip it. */
  private static String plainPath(HttpServletRequest request) {
    if (!ServletRequestPathUtils.hasParsedRequestPath(request)) {
      return null;
    }
    String path =
        ServletRequestPathUtils.getParsedRequestPath(request).pathWithinApplication().value();
    return path.indexOf('%') >= 0 || path.indexOf(';') >= 0 ? null : path;
  }

  private static boolean startsWithAny(String path, String[] beginnings) {
    for (String b : beginnings) {
      if (path.startsWith(b)) {
        return true;
      }
    }
    return false;
  }

  /** Hands Spring Boot this mapping in place of the plain one, configured as usual. */
  @Component
  static class Registration implements WebMvcRegistrations {
    @Override
    public RequestMappingHandlerMapping getRequestMappingHandlerMapping() {
      return new PrefixedHandlerMapping();
    }
  }
}
