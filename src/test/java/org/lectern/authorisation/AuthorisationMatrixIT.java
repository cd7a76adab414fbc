package org.lectern.authorisation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.lectern.certificate.CertificateService;
import org.lectern.identity.ApiTokenService;
import org.lectern.identity.UserService;
import org.lectern.organisation.OrganisationService;
import org.lectern.programme.ProgrammeService;
import org.lectern.shared.crypto.PersonalDataCipher;
import org.lectern.speaker.SpeakerAccounts;
import org.lectern.speaker.SpeakerService;
import org.lectern.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.security.authentication.ott.OneTimeTokenService;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Every route of the running application — read from Spring MVC's handler mappings, so a new route
 * cannot be forgotten — against every role, on the roles' own objects and on a foreign
 * organisation's. The expected outcome of each route is written down in {@code
 * authorisation/matrix.txt}; a route without one, or an answer that differs from it, fails the
 * test. The matrix is printed ({@code Authorisation matrix: …}) so that its size stays visible.
 */
class AuthorisationMatrixIT extends IntegrationTest {

  @Autowired
  @Qualifier("requestMappingHandlerMapping")
  RequestMappingHandlerMapping mappings;

  @Autowired UserService users;
  @Autowired OrganisationService organisations;
  @Autowired ProgrammeService programmes;
  @Autowired SpeakerService speakers;
  @Autowired SpeakerAccounts speakerAccounts;
  @Autowired ApiTokenService apiTokens;
  @Autowired CertificateService certificates;
  @Autowired OneTimeTokenService signInTokens;
  @Autowired PersonalDataCipher cipher;

  MatrixWorld world;
  MatrixRestore restore;

  @BeforeAll
  void world() {
    world =
        new MatrixWorld(
                baseUrl(),
                jdbc,
                users,
                organisations,
                programmes,
                speakers,
                speakerAccounts,
                apiTokens,
                certificates,
                signInTokens,
                cipher)
            .build();
    restore = new MatrixRestore(jdbc, world);
  }

  /** Every route Spring MVC knows, as {@code METHOD /pattern}. */
  List<String> routes() {
    List<String> out = new ArrayList<>();
    mappings
        .getHandlerMethods()
        .forEach(
            (info, handler) -> {
              var methods = info.getMethodsCondition().getMethods();
              List<String> names =
                  methods.isEmpty()
                      ? List.of("GET")
                      : methods.stream().map(RequestMethod::name).sorted().toList();
              for (String pattern : info.getPatternValues()) {
                for (String m : names) {
                  out.add(m + " " + pattern);
                }
              }
            });
    // Reads first: a write that is allowed may change what later requests find.
    out.sort(Comparator.comparing((String r) -> !r.startsWith("GET ")).thenComparing(r -> r));
    return out.stream().distinct().toList();
  }

  @Test
  void everyRouteAnswersEveryRoleAsWrittenDown() {
    MatrixTable table = MatrixTable.load("/authorisation/matrix.txt");
    List<String> routes = routes();
    List<String> unwritten = routes.stream().filter(r -> !table.has(r)).toList();
    List<String> stale = table.routes().stream().filter(r -> !routes.contains(r)).toList();

    Map<String, String> observed = new TreeMap<>();
    List<String> mismatches = new ArrayList<>();
    int requests = 0;
    for (String route : routes) {
      if (!table.has(route)) {
        continue;
      }
      MatrixTable.Expectation expected = table.expectation(route);
      String method = route.substring(0, route.indexOf(' '));
      String pattern = route.substring(route.indexOf(' ') + 1);
      boolean hasObject = pattern.contains("{");
      StringBuilder seen = new StringBuilder();
      for (boolean foreign : hasObject ? new boolean[] {false, true} : new boolean[] {false}) {
        MatrixWorld.Objects objects = foreign ? world.foreign : world.own;
        String path = PathValues.fill(pattern, objects);
        String body = expected.body() == null ? null : PathValues.fill(expected.body(), objects);
        if (foreign) {
          seen.append(" | ");
        }
        for (int i = 0; i < MatrixWorld.ROLES.size(); i++) {
          String role = MatrixWorld.ROLES.get(i);
          Caller caller = world.callers.get(role);
          Caller.Answer answer =
              path.startsWith("/api/")
                  ? caller.api(method, path, body)
                  : caller.web(method, path, body);
          requests++;
          char got = Outcome.of(answer, path.startsWith("/api/"));
          seen.append(got);
          char want = expected.at(foreign, i);
          if (!Outcome.matches(want, got, expected.placeholder())) {
            mismatches.add(
                String.format(
                    "%s %s as %s%s: expected %s, got %s (%d %s)",
                    method,
                    path,
                    role,
                    foreign ? " (foreign)" : "",
                    want,
                    got,
                    answer.status(),
                    answer.location()));
          }
          if (!"GET".equals(method) && got == 'A') {
            restore.run();
          }
        }
      }
      observed.put(route, seen.toString());
    }
    System.out.printf(
        "Authorisation matrix: %d routes × %d roles (own and foreign objects) = %d requests,"
            + " %d mismatches, %d routes without an expected outcome%n",
        routes.size(), MatrixWorld.ROLES.size(), requests, mismatches.size(), unwritten.size());
    observed.forEach((r, s) -> System.out.printf("  %-80s %s%n", r, s));
    mismatches.forEach(m -> System.out.println("  MISMATCH " + m));
    assertThat(unwritten).as("routes without an expected outcome in matrix.txt").isEmpty();
    assertThat(stale).as("routes in matrix.txt that no longer exist").isEmpty();
    assertThat(mismatches).as("answers that differ from matrix.txt").isEmpty();
  }
}
