package org.lectern.identity;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Password sign-in (the form and the API token call) behind the {@link SignInThrottle}. A locked
 * account or address gets exactly the answer of a wrong password, after the same work: the password
 * is still hashed (unknown accounts are hashed too, by Spring's provider).
 */
class ThrottledAuthentication implements AuthenticationManager {

  private final AuthenticationManager delegate;
  private final SignInThrottle throttle;
  private final PasswordEncoder encoder;
  private final String decoy;

  ThrottledAuthentication(
      AuthenticationManager delegate, SignInThrottle throttle, PasswordEncoder encoder) {
    this.delegate = delegate;
    this.throttle = throttle;
    this.encoder = encoder;
    this.decoy = encoder.encode("not a password anyone has " + System.nanoTime());
  }

  @Override
  public Authentication authenticate(Authentication request) throws AuthenticationException {
    String email = request.getName();
    String address = clientAddress();
    if (throttle.locked(email, address)) {
      Object credentials = request.getCredentials();
      encoder.matches(credentials == null ? "" : credentials.toString(), decoy);
      throw new BadCredentialsException("bad credentials");
    }
    try {
      return delegate.authenticate(request);
    } catch (AuthenticationException e) {
      throttle.failed(email, address);
      throw e;
    }
  }

  private static String clientAddress() {
    if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes a) {
      HttpServletRequest req = a.getRequest();
      return req.getRemoteAddr();
    }
    return null;
  }
}
