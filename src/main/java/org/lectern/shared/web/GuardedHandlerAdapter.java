package org.lectern.shared.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerAdapter;
import org.springframework.web.servlet.mvc.method.annotation.ServletInvocableHandlerMethod;

/**
 * Spring MVC's handler adapter, with the application's {@link HandlerGuard}s run between the
 * binding and validation of the arguments (a 400 or 422 for a malformed body has already been
 * decided) and the call of the controller method.
 */
class GuardedHandlerAdapter extends RequestMappingHandlerAdapter {

  private volatile List<HandlerGuard> guards;

  @Override
  protected ServletInvocableHandlerMethod createInvocableHandlerMethod(HandlerMethod method) {
    return new Guarded(method);
  }

  private final class Guarded extends ServletInvocableHandlerMethod {

    private final HandlerMethod method;

    Guarded(HandlerMethod method) {
      super(method);
      this.method = method;
    }

    @Override
    protected Object doInvoke(Object... args) throws Exception {
      List<HandlerGuard> all = guards();
      if (all.isEmpty()) {
        return super.doInvoke(args);
      }
      HttpServletRequest request =
          ((ServletRequestAttributes) RequestContextHolder.currentRequestAttributes()).getRequest();
      return around(all, 0, request, args);
    }

    private Object around(List<HandlerGuard> all, int i, HttpServletRequest request, Object[] args)
        throws Exception {
      if (i == all.size()) {
        return super.doInvoke(args);
      }
      return all.get(i).around(method, request, () -> around(all, i + 1, request, args));
    }
  }

  private List<HandlerGuard> guards() {
    List<HandlerGuard> g = guards;
    if (g == null) {
      g = obtainApplicationContext().getBeanProvider(HandlerGuard.class).orderedStream().toList();
      guards = g;
    }
    return g;
  }
}
