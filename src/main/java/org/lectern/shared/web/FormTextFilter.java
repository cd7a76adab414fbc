package org.lectern.shared.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.lectern.shared.text.TextInput;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Applies {@link TextInput#clean} to every form field and query parameter, before Spring Security
 * and any controller read them: whatever binds them (a {@code FormData}, a {@code @RequestParam})
 * sees NFC text without control characters (API.md, "Text input").
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class FormTextFilter extends OncePerRequestFilter {

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    chain.doFilter(new CleanParameters(request), response);
  }

  @Override
  protected boolean shouldNotFilterAsyncDispatch() {
    return false;
  }

  private static final class CleanParameters extends HttpServletRequestWrapper {
    private Map<String, String[]> clean;

    CleanParameters(HttpServletRequest request) {
      super(request);
    }

    @Override
    public String getParameter(String name) {
      String[] v = getParameterMap().get(name);
      return v == null || v.length == 0 ? null : v[0];
    }

    @Override
    public String[] getParameterValues(String name) {
      String[] v = getParameterMap().get(name);
      return v == null ? null : v.clone();
    }

    @Override
    public java.util.Enumeration<String> getParameterNames() {
      return Collections.enumeration(getParameterMap().keySet());
    }

    @Override
    public Map<String, String[]> getParameterMap() {
      if (clean == null) {
        Map<String, String[]> out = new LinkedHashMap<>();
        super.getParameterMap()
            .forEach(
                (k, values) -> {
                  String[] c = new String[values.length];
                  for (int i = 0; i < values.length; i++) {
                    c[i] = TextInput.clean(values[i]);
                  }
                  out.merge(TextInput.clean(k), c, FormTextFilter::concat);
                });
        clean = Collections.unmodifiableMap(out);
      }
      return clean;
    }
  }

  private static String[] concat(String[] a, String[] b) {
    String[] r = java.util.Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, r, a.length, b.length);
    return r;
  }
}
