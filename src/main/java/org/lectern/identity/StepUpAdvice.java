package org.lectern.identity;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.Map;
import org.lectern.shared.web.Ui;
import org.lectern.shared.web.UiFactory;
import org.springframework.context.MessageSource;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Enforces {@link FreshSecondFactor} before the handler runs, and answers a {@link
 * StepUpRequiredException}: pages go to the re-verification page (and come back), the API gets 401
 * problem+json of type {@link StepUp#PROBLEM_TYPE}.
 */
@ControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
record StepUpAdvice(StepUp stepUp, MessageSource messages, UiFactory uis)
    implements WebMvcConfigurer {

  @Override
  public void addInterceptors(InterceptorRegistry registry) {
    registry.addInterceptor(
        new HandlerInterceptor() {
          @Override
          public boolean preHandle(HttpServletRequest req, HttpServletResponse res, Object h) {
            if (h instanceof HandlerMethod m
                && (m.hasMethodAnnotation(FreshSecondFactor.class)
                    || m.getBeanType().isAnnotationPresent(FreshSecondFactor.class))) {
              var auth =
                  org.springframework.security.core.context.SecurityContextHolder.getContext()
                      .getAuthentication();
              if (auth != null && auth.getPrincipal() instanceof LecternUser user) {
                stepUp.require(user, req);
              }
            }
            return true;
          }
        });
  }

  @ExceptionHandler(StepUpRequiredException.class)
  Object stepUp(StepUpRequiredException e, HttpServletRequest req) {
    Ui ui = uis.of(req);
    if (req.getRequestURI().startsWith("/api/")) {
      String detail = messages.getMessage(e.code(), null, e.code(), ui.locale());
      ProblemDetail pd = ProblemDetail.forStatusAndDetail(HttpStatus.UNAUTHORIZED, detail);
      pd.setType(StepUp.PROBLEM_TYPE);
      pd.setTitle(messages.getMessage("error.title.401", null, "Unauthorized", ui.locale()));
      pd.setProperty("code", e.code());
      pd.setProperty(
          "errors",
          List.of(
              Map.of(
                  "field",
                  StepUp.HEADER,
                  "code",
                  e.code(),
                  "message",
                  messages.getMessage("identity.stepUp.header", null, e.code(), ui.locale()))));
      return ResponseEntity.status(HttpStatus.UNAUTHORIZED)
          .header("WWW-Authenticate", "Bearer error=\"insufficient_user_authentication\"")
          .contentType(MediaType.APPLICATION_PROBLEM_JSON)
          .body(pd);
    }
    var redirect =
        new org.springframework.web.servlet.view.RedirectView(
            SignInSuccess.SECOND_STEP
                + "?next="
                + java.net.URLEncoder.encode(
                    e.returnTo(), java.nio.charset.StandardCharsets.UTF_8));
    redirect.setStatusCode(HttpStatus.SEE_OTHER);
    redirect.setExposeModelAttributes(false);
    return new org.springframework.web.servlet.ModelAndView(redirect);
  }
}
