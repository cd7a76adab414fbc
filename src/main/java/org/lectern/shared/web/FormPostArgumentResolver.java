package org.lectern.shared.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.MethodParameter;
import org.springframework.ui.Model;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.validation.DataBinder;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;
import org.springframework.web.servlet.mvc.support.RedirectAttributesModelMap;

/**
 * Lets page handlers take a {@link FormPost}: the request's parameters (as {@code @RequestParam
 * MultiValueMap} gives them), the request's {@link Ui}, the model, the response and redirect
 * attributes (set up as Spring MVC does for a {@code RedirectAttributes} parameter, so flash
 * attributes survive the redirect).
 */
record FormPostArgumentResolver(UiFactory uiFactory) implements HandlerMethodArgumentResolver {

  @Override
  public boolean supportsParameter(MethodParameter parameter) {
    return parameter.getParameterType().equals(FormPost.class);
  }

  @Override
  public Object resolveArgument(
      MethodParameter parameter,
      ModelAndViewContainer mav,
      NativeWebRequest request,
      WebDataBinderFactory binders)
      throws Exception {
    var params = new LinkedMultiValueMap<String, String>();
    request
        .getParameterMap()
        .forEach((name, values) -> params.addAll(name, java.util.List.of(values)));
    var redirects =
        binders == null
            ? new RedirectAttributesModelMap()
            : new RedirectAttributesModelMap(
                binders.createBinder(request, null, DataBinder.DEFAULT_OBJECT_NAME));
    mav.setRedirectModel(redirects);
    return new FormPost(
        params,
        uiFactory.cached(request.getNativeRequest(HttpServletRequest.class)),
        (Model) mav.getModel(),
        request.getNativeResponse(HttpServletResponse.class),
        redirects);
  }
}
