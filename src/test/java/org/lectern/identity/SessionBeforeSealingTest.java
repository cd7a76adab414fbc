package org.lectern.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * A browser session stored before staff accounts were sealed deserialises its person without the
 * address and name (the record's former components are gone): it ends at its next request, before
 * anything reads them, instead of failing on every page. A session stored now keeps them.
 */
class SessionBeforeSealingTest {

  @AfterEach
  void clear() {
    SecurityContextHolder.clearContext();
  }

  MockHttpServletResponse request(LecternUser user) throws Exception {
    SecurityContextHolder.getContext()
        .setAuthentication(
            UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()));
    var res = new MockHttpServletResponse();
    // No repository: a session without names must end before the database is asked.
    new AccountStateFilter(null)
        .doFilter(new MockHttpServletRequest("GET", "/admin"), res, new MockFilterChain());
    return res;
  }

  @Test
  void aSessionWithoutNamesEndsAtItsNextRequest() throws Exception {
    var old = new LecternUser(UUID.randomUUID(), (AccountNames) null, "hash", false, false, 0);
    assertThat(request(old).getRedirectedUrl()).isEqualTo(AccountStateFilter.ENDED);
    assertThat(SecurityContextHolder.getContext().getAuthentication()).isNull();
  }

  @Test
  void aSessionStoredNowKeepsTheAddressAndName() throws Exception {
    var user = new LecternUser(UUID.randomUUID(), "a@example.org", "Aida", "hash", false, false, 3);
    var bytes = new ByteArrayOutputStream();
    try (var out = new ObjectOutputStream(bytes)) {
      out.writeObject(user);
    }
    LecternUser back;
    try (var in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
      back = (LecternUser) in.readObject();
    }
    assertThat(back.names()).isNotNull();
    assertThat(back.email()).isEqualTo("a@example.org");
    assertThat(back.fullName()).isEqualTo("Aida");
    assertThat(back.sessionEpoch()).isEqualTo(3);
  }
}
