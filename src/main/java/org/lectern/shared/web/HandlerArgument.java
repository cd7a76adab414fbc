package org.lectern.shared.web;

import org.springframework.core.MethodParameter;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;

/**
 * Lets handlers take a parameter of one type that is made from the request ({@link Ui}, the live
 * room's viewer, an idempotent creation…) instead of several separate parameters. A bean that
 * implements it is registered by {@link WebConfiguration}.
 */
public interface HandlerArgument<T> extends HandlerMethodArgumentResolver {

  /** The parameter type this makes. */
  Class<T> type();

  /** The argument for this parameter of this request. */
  T resolve(MethodParameter parameter, NativeWebRequest request);

  @Override
  default boolean supportsParameter(MethodParameter parameter) {
    return parameter.getParameterType() == type();
  }

  @Override
  default T resolveArgument(
      MethodParameter parameter,
      ModelAndViewContainer mav,
      NativeWebRequest request,
      WebDataBinderFactory binders) {
    return resolve(parameter, request);
  }
}
