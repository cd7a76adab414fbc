package org.lectern.certificate;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.lectern.shared.web.ErrorPage;
import org.lectern.shared.web.Ui;
import org.lectern.shared.web.UiFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.ModelAndView;

/** 429 for too many verifications: a page or problem+json, in the caller's language. */
@ControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class CertificateErrors {

  private final UiFactory uiFactory;

  CertificateErrors(UiFactory uiFactory) {
    this.uiFactory = uiFactory;
  }

  @ExceptionHandler(VerifyLimits.TooMany.class)
  Object tooMany(VerifyLimits.TooMany e, HttpServletRequest req, HttpServletResponse res) {
    Ui ui = uiFactory.of(req);
    String detail = ui.t(e.code());
    if (req.getRequestURI().startsWith("/api/")) {
      ProblemDetail pd = ProblemDetail.forStatusAndDetail(HttpStatus.TOO_MANY_REQUESTS, detail);
      pd.setTitle(ui.t("error.title.429"));
      pd.setProperty("code", e.code());
      return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS)
          .header("Retry-After", "60")
          .contentType(MediaType.APPLICATION_PROBLEM_JSON)
          .body(pd);
    }
    ModelAndView mv = new ModelAndView("shared/error");
    mv.setStatus(HttpStatus.TOO_MANY_REQUESTS);
    res.setHeader("Retry-After", "60");
    mv.addObject("ui", ui);
    mv.addObject("page", new ErrorPage(429, detail));
    return mv;
  }
}
