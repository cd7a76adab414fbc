package org.lectern.shared.web;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.core.MethodParameter;
import org.springframework.web.context.request.NativeWebRequest;

/** Lets controllers take a {@link Ui} parameter; one instance per request. */
record UiArgumentResolver(UiFactory factory) implements HandlerArgument<Ui> {

  @Override
  public Class<Ui> type() {
    return Ui.class;
  }

  @Override
  public Ui resolve(MethodParameter parameter, NativeWebRequest request) {
    return factory.cached(request.getNativeRequest(HttpServletRequest.class));
  }
}
