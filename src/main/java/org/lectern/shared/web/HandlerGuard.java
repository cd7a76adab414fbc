package org.lectern.shared.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.concurrent.Callable;
import org.springframework.web.method.HandlerMethod;

/**
 * Runs around a controller method once its arguments are bound and validated, right before it runs
 * (see {@link GuardedHandlerAdapter}). Unlike a {@code HandlerInterceptor}'s {@code preHandle},
 * which runs before the body is even read, a guard can spend something single-use (a recovery code)
 * knowing the request was not refused for its form, and can take it back when the method refuses
 * the request for its content.
 */
public interface HandlerGuard {

  /** Calls {@code handler} (or throws instead); returns what it returned. */
  Object around(HandlerMethod method, HttpServletRequest request, Callable<Object> handler)
      throws Exception;
}
