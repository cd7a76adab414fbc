package org.lectern.shared.web;

import jakarta.servlet.http.HttpServletRequest;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.core.MethodParameter;
import org.springframework.web.context.request.NativeWebRequest;

/**
 * Lets controllers take a {@link Ui} parameter; one instance per request. It is no part of the API:
 * /v3/api-docs does not list it (nor {@link FormPost}) as a query parameter.
 */
record UiArgumentResolver(UiFactory factory) implements HandlerArgument<Ui> {

  static {
    SpringDocUtils.getConfig().addRequestWrapperToIgnore(Ui.class, FormPost.class);
  }

  @Override
  public Class<Ui> type() {
    return Ui.class;
  }

  @Override
  public Ui resolve(MethodParameter parameter, NativeWebRequest request) {
    return factory.cached(request.getNativeRequest(HttpServletRequest.class));
  }
}
