package org.lectern.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;

/** The gate in front of the back office: the absolute session limit and the held second step. */
class SecondFactorGateTest {

  private static final Instant NOW = Instant.parse("2026-12-04T12:00:00Z");
  private final SecondFactorGate gate =
      new SecondFactorGate(null, Duration.ofHours(12), Clock.fixed(NOW, ZoneOffset.UTC));

  @AfterEach
  void clear() {
    SecurityContextHolder.clearContext();
  }

  private MockHttpServletResponse request(String path, SignInState state, Instant signedIn)
      throws Exception {
    var user = new LecternUser(UUID.randomUUID(), "a@example.org", "A", "x", false);
    SecurityContextHolder.getContext()
        .setAuthentication(
            UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()));
    var session = new MockHttpSession();
    state.store(session);
    session.setAttribute(SecondFactorGate.SIGNED_IN_AT, signedIn);
    var req = new MockHttpServletRequest("GET", path);
    req.setSession(session);
    var res = new MockHttpServletResponse();
    gate.doFilter(req, res, new MockFilterChain());
    return res;
  }

  @Test
  void aSessionOlderThanTheAbsoluteLimitEndsHoweverActive() throws Exception {
    var res = request("/admin", SignInState.verified(NOW), NOW.minus(Duration.ofHours(13)));
    assertThat(res.getRedirectedUrl()).isEqualTo(AccountStateFilter.ENDED);
    var young = request("/admin", SignInState.verified(NOW), NOW.minus(Duration.ofHours(11)));
    assertThat(young.getRedirectedUrl()).isNull();
  }

  @Test
  void aSessionWaitingForItsSecondStepReachesOnlyThatStep() throws Exception {
    var waiting = new SignInState(SignInState.Stage.SECOND_FACTOR, null);
    assertThat(request("/admin/programmes", waiting, NOW).getRedirectedUrl())
        .isEqualTo(SignInSuccess.SECOND_STEP);
    assertThat(request("/", waiting, NOW).getRedirectedUrl()).isEqualTo(SignInSuccess.SECOND_STEP);
    assertThat(request(SignInSuccess.SECOND_STEP, waiting, NOW).getRedirectedUrl()).isNull();
    var enrol = new SignInState(SignInState.Stage.ENROL, null);
    assertThat(request("/admin", enrol, NOW).getRedirectedUrl()).isEqualTo(SignInSuccess.ENROL);
    assertThat(request(SignInSuccess.ENROL, enrol, NOW).getRedirectedUrl()).isNull();
  }
}
