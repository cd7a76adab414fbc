package org.lectern.certificate;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.lectern.shared.limit.TooManyRequestsException;
import org.lectern.shared.web.ErrorWriter;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The public certificate check takes uploads from anyone: it is limited and capped before anything
 * reads the body — before Spring Security (whose CSRF check would parse the multipart form) and
 * before Spring MVC. A request without a declared length, or longer than {@code
 * lectern.certificate.verify-max-bytes} (5 MB), is refused with 413 unread; one over the address's
 * limit with 429.
 */
@Configuration(proxyBeanMethods = false)
class VerifyUploadGuard {

  static final String PAGE = "/verify";
  static final String API = "/api/v1/certificates/verify";

  @Bean
  FilterRegistrationBean<OncePerRequestFilter> verifyUploadFilter(
      VerifyLimits limits,
      ErrorWriter errors,
      @Value("${lectern.certificate.verify-max-bytes:5242880}") long maxBytes) {
    var registration =
        new FilterRegistrationBean<OncePerRequestFilter>(new Guard(limits, errors, maxBytes));
    registration.addUrlPatterns(PAGE, API);
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 20);
    return registration;
  }

  static final class Guard extends OncePerRequestFilter {

    private final VerifyLimits limits;
    private final ErrorWriter errors;
    private final long maxBytes;

    Guard(VerifyLimits limits, ErrorWriter errors, long maxBytes) {
      this.limits = limits;
      this.errors = errors;
      this.maxBytes = maxBytes;
    }

    @Override
    protected void doFilterInternal(
        HttpServletRequest req, HttpServletResponse res, FilterChain chain)
        throws ServletException, IOException {
      if (!"POST".equals(req.getMethod())) {
        chain.doFilter(req, res);
        return;
      }
      long length = req.getContentLengthLong();
      if (length < 0 || length > maxBytes) {
        errors.write(req, res, HttpStatus.CONTENT_TOO_LARGE, "certificate.verify.tooLarge");
        return;
      }
      try {
        limits.check(req.getRemoteAddr());
      } catch (TooManyRequestsException e) {
        res.setHeader("Retry-After", Long.toString(e.retryAfterSeconds()));
        errors.write(req, res, HttpStatus.TOO_MANY_REQUESTS, e.code());
        return;
      }
      chain.doFilter(req, res);
    }
  }
}
