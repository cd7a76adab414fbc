package org.lectern.shared.web;

import jakarta.servlet.http.HttpServletRequest;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.web.cors.CorsUtils;
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

  /**
   * The mappings by the directory part of their literal beginnings ({@code /api/v1/programmes/} for
   * {@code /api/v1/programmes/{id}/registrations}), and those without a beginning; built from the
   * registered mappings on the first look-up after a change.
   */
  private volatile Index index;

  /** Look-ups answered from the index, not by Spring's own look-up (for the tests). */
  final java.util.concurrent.atomic.AtomicLong answeredFromIndex =
      new java.util.concurrent.atomic.AtomicLong();

  private record Beginning(String text, RequestMappingInfo mapping) {}

  private record Index(
      Map<String, List<Beginning>> byDirectory,
      List<RequestMappingInfo> always,
      Set<String> directPaths,
      Map<RequestMappingInfo, HandlerMethod> handlers) {}

  /**
   * Finds the handler as Spring does, but compares the request only with the mappings that could
   * match its path (issue 16): Spring compares a path with a variable against every one of the ~300
   * mappings, and even passing most of them over at once ({@link #getMatchingMapping}) was a tenth
   * of an organiser registration's CPU. The candidates are found by the directories of the path
   * ({@code /}, {@code /api/}, {@code /api/v1/}, …) in a map of the mappings' literal beginnings;
   * Spring's own conditions, order and comparator then decide among them, as in {@code
   * AbstractHandlerMethodMapping.lookupHandlerMethod}. Where this could differ, Spring's own
   * look-up runs: a path that is some mapping's direct (variable-free) path, a path Spring decodes
   * or strips, a CORS pre-flight, case-insensitive patterns, and every request no candidate matches
   * (Spring then works out 404, 405, 406 or 415 from all mappings).
   */
  @Override
  protected HandlerMethod lookupHandlerMethod(String lookupPath, HttpServletRequest request)
      throws Exception {
    String path = plainPath(request);
    Index current = index;
    if (current == null) {
      current = index = index();
    }
    if (path == null
        || !path.equals(lookupPath)
        || getPatternParser() == null
        || !getPatternParser().isCaseSensitive()
        || current.directPaths().contains(lookupPath)
        || CorsUtils.isPreFlightRequest(request)) {
      return springLookup(lookupPath, request);
    }
    List<Found> matches = new ArrayList<>(2);
    for (RequestMappingInfo info : current.always()) {
      addMatch(info, request, matches);
    }
    for (int slash = path.indexOf('/'); slash >= 0; slash = path.indexOf('/', slash + 1)) {
      List<Beginning> here = current.byDirectory().get(path.substring(0, slash + 1));
      if (here == null) {
        continue;
      }
      for (Beginning b : here) {
        if (path.startsWith(b.text()) && !found(matches, b.mapping())) {
          addMatch(b.mapping(), request, matches);
        }
      }
    }
    if (matches.isEmpty()) {
      return springLookup(lookupPath, request);
    }
    Found best = matches.get(0);
    if (matches.size() > 1) {
      Comparator<RequestMappingInfo> mappings = getMappingComparator(request);
      Comparator<Found> comparator = (x, y) -> mappings.compare(x.match(), y.match());
      matches.sort(comparator);
      best = matches.get(0);
      Found second = matches.get(1);
      if (comparator.compare(best, second) == 0) {
        throw new IllegalStateException(
            "Ambiguous handler methods mapped for '"
                + request.getRequestURI()
                + "': {"
                + current.handlers().get(best.registered()).getMethod()
                + ", "
                + current.handlers().get(second.registered()).getMethod()
                + "}");
      }
    }
    HandlerMethod handler = current.handlers().get(best.registered());
    answeredFromIndex.incrementAndGet();
    request.setAttribute(BEST_MATCHING_HANDLER_ATTRIBUTE, handler);
    handleMatch(best.match(), lookupPath, request);
    return handler;
  }

  /** A registered mapping and its matching condition for the request (as Spring's Match). */
  private record Found(RequestMappingInfo match, RequestMappingInfo registered) {}

  private void addMatch(RequestMappingInfo info, HttpServletRequest request, List<Found> matches) {
    RequestMappingInfo match = super.getMatchingMapping(info, request);
    if (match != null) {
      matches.add(new Found(match, info));
    }
  }

  /** Whether the mapping was already compared (it has two patterns with this beginning). */
  private static boolean found(List<Found> matches, RequestMappingInfo info) {
    for (Found f : matches) {
      if (f.registered() == info) {
        return true;
      }
    }
    return false;
  }

  /** Spring's own look-up (with the quick look per mapping), for what the index does not answer. */
  HandlerMethod springLookup(String lookupPath, HttpServletRequest request) throws Exception {
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

  /** The look-up path Spring works out for a request (for the tests). */
  String lookupPathOf(HttpServletRequest request) {
    return initLookupPath(request);
  }

  private Index index() {
    Map<RequestMappingInfo, HandlerMethod> handlers = getHandlerMethods();
    Map<String, List<Beginning>> byDirectory = new HashMap<>();
    List<RequestMappingInfo> always = new ArrayList<>();
    Set<String> direct = new HashSet<>();
    for (RequestMappingInfo info : handlers.keySet()) {
      direct.addAll(getDirectPaths(info));
      String[] b = beginningsOf(info);
      if (b == null) {
        always.add(info);
        continue;
      }
      for (String text : b) {
        byDirectory
            .computeIfAbsent(text.substring(0, text.lastIndexOf('/') + 1), k -> new ArrayList<>())
            .add(new Beginning(text, info));
      }
    }
    return new Index(Map.copyOf(byDirectory), List.copyOf(always), Set.copyOf(direct), handlers);
  }

  @Override
  public void registerMapping(RequestMappingInfo mapping, Object handler, Method method) {
    super.registerMapping(mapping, handler, method);
    index = null;
  }

  @Override
  public void unregisterMapping(RequestMappingInfo mapping) {
    super.unregisterMapping(mapping);
    index = null;
  }

  @Override
  protected void registerHandlerMethod(Object handler, Method method, RequestMappingInfo mapping) {
    super.registerHandlerMethod(handler, method, mapping);
    index = null;
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
}
