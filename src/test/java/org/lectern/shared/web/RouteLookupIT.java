package org.lectern.shared.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.lectern.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.ServletRequestPathUtils;
import org.springframework.web.util.pattern.PathPattern;

/**
 * The quick first look at the path never changes which mappings match (issue 16): for a request to
 * every route of the application — and to variants Spring decodes, strips or treats specially —
 * every mapping's answer is the one Spring's own condition gives.
 */
class RouteLookupIT extends IntegrationTest {

  @Autowired
  @Qualifier("requestMappingHandlerMapping")
  RequestMappingHandlerMapping mapping;

  @Test
  void theApplicationsMappingLooksAtThePathFirst() {
    assertThat(mapping).isInstanceOf(PrefixedHandlerMapping.class);
    assertThat(mapping.getHandlerMethods()).hasSizeGreaterThan(100);
  }

  @Test
  void everyMappingAnswersEveryRequestAsSpringsOwnConditionDoes() {
    var prefixed = (PrefixedHandlerMapping) mapping;
    Set<RequestMappingInfo> infos = mapping.getHandlerMethods().keySet();
    Set<String> paths = new LinkedHashSet<>();
    for (RequestMappingInfo info : infos) {
      if (info.getPathPatternsCondition() == null) {
        continue;
      }
      for (PathPattern p : info.getPathPatternsCondition().getPatterns()) {
        String concrete = concrete(p.getPatternString());
        paths.add(concrete);
        paths.add(concrete + "/");
        paths.add(concrete.toUpperCase(java.util.Locale.ROOT));
        paths.add(encodedFirstLetter(concrete));
        paths.add(concrete + ";x=1");
        paths.add("/" + concrete);
        paths.add(concrete.length() > 2 ? concrete.substring(0, concrete.length() - 1) : "/");
      }
    }
    paths.add("/");
    paths.add("");
    int compared = 0;
    int passedOver = 0;
    List<String> differences = new ArrayList<>();
    for (String path : paths) {
      for (String method : List.of("GET", "POST", "PUT", "PATCH", "DELETE", "OPTIONS", "HEAD")) {
        MockHttpServletRequest request = new MockHttpServletRequest(method, path);
        request.addHeader("Content-Type", "application/json");
        request.addHeader("Accept", "*/*");
        ServletRequestPathUtils.parseAndCache(request);
        for (RequestMappingInfo info : infos) {
          RequestMappingInfo expected = info.getMatchingCondition(request);
          RequestMappingInfo actual = prefixed.getMatchingMapping(info, request);
          compared++;
          if (expected == null && actual == null) {
            passedOver++;
          }
          if (expected == null ? actual != null : !expected.equals(actual)) {
            differences.add(method + " " + path + " / " + info);
          }
        }
      }
    }
    assertThat(differences).isEmpty();
    assertThat(compared).isGreaterThan(100_000);
    assertThat(passedOver).isGreaterThan(compared / 2);
  }

  /**
   * The look-up through the index of beginnings finds, for every route and variant, under every
   * method and with several Content-Type/Accept headers, what Spring's own look-up finds: the same
   * handler (or the same failure) and the same request attributes (pattern, variables, media
   * types).
   */
  @Test
  void theIndexedLookUpFindsWhatSpringsOwnLookUpFinds() throws Exception {
    var prefixed = (PrefixedHandlerMapping) mapping;
    Set<String> paths = new LinkedHashSet<>();
    for (RequestMappingInfo info : mapping.getHandlerMethods().keySet()) {
      if (info.getPathPatternsCondition() == null) {
        continue;
      }
      for (PathPattern p : info.getPathPatternsCondition().getPatterns()) {
        String concrete = concrete(p.getPatternString());
        paths.add(concrete);
        paths.add(concrete + "/");
        paths.add(concrete.toUpperCase(java.util.Locale.ROOT));
        paths.add(encodedFirstLetter(concrete));
        paths.add(concrete + ";x=1");
        paths.add(concrete + "/extra");
        paths.add(concrete.length() > 2 ? concrete.substring(0, concrete.length() - 1) : "/");
      }
    }
    paths.add("/");
    paths.add("/nowhere/at/all");
    List<String[]> headers =
        List.of(
            new String[] {"application/json", "*/*"},
            new String[] {"text/plain", "application/json"},
            new String[] {null, "text/html"},
            new String[] {"application/x-www-form-urlencoded", "application/problem+json"});
    long fromIndex = prefixed.answeredFromIndex.get();
    int found = 0;
    List<String> differences = new ArrayList<>();
    for (String path : paths) {
      for (String method : List.of("GET", "POST", "PUT", "PATCH", "DELETE", "OPTIONS", "HEAD")) {
        for (String[] h : headers) {
          String expected = lookUp(prefixed, method, path, h, true);
          String actual = lookUp(prefixed, method, path, h, false);
          if (!expected.equals(actual)) {
            differences.add(
                method + " " + path + " " + List.of(h) + ": " + expected + " / " + actual);
          }
          if (expected.startsWith("handler") && !expected.startsWith("handler null")) {
            found++;
          }
        }
      }
    }
    assertThat(differences).isEmpty();
    assertThat(found).isGreaterThan(1000);
    // Routes with a variable are answered from the index (direct routes, and paths Spring decodes
    // or strips, by Spring's own look-up).
    assertThat(prefixed.answeredFromIndex.get() - fromIndex).isGreaterThan(1000);
    long before = prefixed.answeredFromIndex.get();
    String organiser = "/api/v1/programmes/" + java.util.UUID.randomUUID() + "/registrations";
    assertThat(lookUp(prefixed, "POST", organiser, headers.get(0), false))
        .contains("RegistrationApiController#create");
    assertThat(prefixed.answeredFromIndex.get()).isEqualTo(before + 1);
  }

  /** The handler found (or the failure) and the request's attributes afterwards. */
  private static String lookUp(
      PrefixedHandlerMapping m, String method, String path, String[] headers, boolean spring) {
    MockHttpServletRequest request = new MockHttpServletRequest(method, path);
    if (headers[0] != null) {
      request.setContentType(headers[0]);
      request.addHeader("Content-Type", headers[0]);
    }
    request.addHeader("Accept", headers[1]);
    ServletRequestPathUtils.parseAndCache(request);
    String lookupPath = m.lookupPathOf(request);
    String answer;
    try {
      var handler =
          spring ? m.springLookup(lookupPath, request) : m.lookupHandlerMethod(lookupPath, request);
      answer = "handler " + handler;
    } catch (Exception e) {
      answer = "failure " + e.getClass().getName() + " " + e.getMessage();
    }
    java.util.Map<String, String> attributes = new java.util.TreeMap<>();
    for (String name : java.util.Collections.list(request.getAttributeNames())) {
      attributes.put(name, String.valueOf(request.getAttribute(name)));
    }
    return answer + " " + attributes;
  }

  @Test
  void aPathDecodedOrStrippedBySpringIsStillFound() {
    var prefixed = (PrefixedHandlerMapping) mapping;
    RequestMappingInfo programmes =
        mapping.getHandlerMethods().keySet().stream()
            .filter(i -> i.getPathPatternsCondition() != null)
            .filter(
                i ->
                    i.getPathPatternsCondition().getPatternValues().contains("/api/v1/programmes")
                        && i.getMethodsCondition().getMethods().contains(RequestMethod.GET))
            .findFirst()
            .orElseThrow();
    for (String path : List.of("/api/v1/programmes", "/api/v1/progr%61mmes")) {
      MockHttpServletRequest request = new MockHttpServletRequest("GET", path);
      ServletRequestPathUtils.parseAndCache(request);
      assertThat(prefixed.getMatchingMapping(programmes, request)).as(path).isNotNull();
    }
    MockHttpServletRequest other = new MockHttpServletRequest("GET", "/api/v1/sessions");
    ServletRequestPathUtils.parseAndCache(other);
    assertThat(prefixed.getMatchingMapping(programmes, other)).isNull();
  }

  /** The same path with its first letter percent-encoded, as a client may send it. */
  private static String encodedFirstLetter(String path) {
    return path.length() > 1 && Character.isLetter(path.charAt(1))
        ? "/%" + Integer.toHexString(path.charAt(1)) + path.substring(2)
        : path;
  }

  /** A path that the pattern matches: variables and wildcards filled in. */
  private static String concrete(String pattern) {
    return pattern
        .replaceAll("\\{\\*[^}]+}", "a/b")
        .replaceAll("\\{[^}]+}", "a1")
        .replace("**", "a/b")
        .replace("*", "a")
        .replace("?", "a");
  }
}
