package org.lectern.admin;

import jakarta.servlet.http.HttpServletResponse;
import org.lectern.shared.error.DomainException;
import org.lectern.shared.web.FormRefusal;
import org.springframework.ui.Model;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** How back-office forms answer: the form again with its errors, or a redirect with a note. */
final class AdminResponses {

  static final String FLASH = "flash";

  private AdminResponses() {}

  /** The form again, kept as typed: 422 for invalid input, 409 when the data changed meanwhile. */
  static String refused(
      DomainException e, Object page, String view, Model model, HttpServletResponse response) {
    return FormRefusal.redraw(e, page, view, model, response);
  }

  static String redirect(String url, String note, RedirectAttributes redirect) {
    redirect.addFlashAttribute(FLASH, note);
    return "redirect:" + url;
  }
}
