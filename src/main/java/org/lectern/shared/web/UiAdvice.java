package org.lectern.shared.web;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** Puts a {@link Ui} named {@code ui} into every page's model. */
@ControllerAdvice
record UiAdvice(UiFactory factory) {

  @ModelAttribute("ui")
  Ui ui(HttpServletRequest request) {
    return factory.cached(request);
  }
}
