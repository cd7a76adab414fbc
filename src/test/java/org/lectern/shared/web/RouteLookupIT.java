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
