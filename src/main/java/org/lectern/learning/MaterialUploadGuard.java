package org.lectern.learning;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.lectern.shared.web.ErrorWriter;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * An upload of materials declared larger than {@code lectern.materials.max-bytes} (plus room for
 * the form's other fields) is refused with 413 before anything reads its body — before Spring
 * Security, whose CSRF check would parse the multipart form. The page says why in the user's
 * language; the connection is closed after the answer.
 */
@Configuration(proxyBeanMethods = false)
class MaterialUploadGuard {

  /** The form's other fields and the multipart framing. */
  static final long FORM_ROOM = 64 * 1024;

  @Bean
  FilterRegistrationBean<OncePerRequestFilter> materialUploadFilter(
      ErrorWriter errors, @Value("${lectern.materials.max-bytes:52428800}") long maxBytes) {
    var registration =
        new FilterRegistrationBean<OncePerRequestFilter>(new Guard(errors, maxBytes + FORM_ROOM));
    registration.addUrlPatterns("/admin/sessions/*");
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 21);
    return registration;
  }

  static final class Guard extends OncePerRequestFilter {

    private final ErrorWriter errors;
    private final long maxBytes;

    Guard(ErrorWriter errors, long maxBytes) {
      this.errors = errors;
      this.maxBytes = maxBytes;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest req) {
      return !"POST".equals(req.getMethod()) || !req.getRequestURI().endsWith("/materials");
    }

    @Override
    protected void doFilterInternal(
        HttpServletRequest req, HttpServletResponse res, FilterChain chain)
        throws ServletException, IOException {
      if (req.getContentLengthLong() > maxBytes) {
        errors.write(req, res, HttpStatus.CONTENT_TOO_LARGE, "learning.material.tooLarge");
        return;
      }
      chain.doFilter(req, res);
    }
  }
}
