package org.lectern.identity;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.lectern.shared.error.DomainException;
import org.lectern.shared.web.HandlerGuard;
import org.lectern.shared.web.Ui;
import org.lectern.shared.web.UiFactory;
import org.springframework.context.MessageSource;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.method.HandlerMethod;

/**
 * Enforces {@link FreshSecondFactor} right before the handler runs, and answers a {@link
 * StepUpRequiredException}: pages go to the re-verification page (and come back), the API gets 401
 * problem+json of type {@link StepUp#PROBLEM_TYPE}.
 */
@ControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
record StepUpAdvice(StepUp stepUp, MessageSource messages, UiFactory uis) implements HandlerGuard {

  /**
   * Before a {@link FreshSecondFactor} handler runs — after its arguments were read and validated,
   * so a malformed request is refused before a code in {@link StepUp#HEADER} is spent — the factor
   * must be fresh. A code spent for a request that the handler then refuses ({@link
   * DomainException}: 422 for its content, 404, 409…, nothing changed) is given back, so the person
   * can send the corrected request with it.
   */
  @Override
  public Object around(HandlerMethod m, HttpServletRequest req, Callable<Object> handler)
      throws Exception {
    var auth = SecurityContextHolder.getContext().getAuthentication();
    LecternUser user = auth != null && auth.getPrincipal() instanceof LecternUser u ? u : null;
    if (user != null
        && (m.hasMethodAnnotation(FreshSecondFactor.class)
            || m.getBeanType().isAnnotationPresent(FreshSecondFactor.class))) {
      stepUp.require(user, req);
    }
    try {
      return handler.call();
    } catch (DomainException e) {
      if (user != null) {
        stepUp.giveBack(user, req);
      }
      throw e;
    }
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
