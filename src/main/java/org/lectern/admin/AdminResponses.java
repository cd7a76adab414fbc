package org.lectern.admin;

import org.lectern.shared.web.FormPost;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A redirect with a note, for back-office handlers that read no form; those that do take a {@link
 * FormPost}, which also draws the form again when it is refused.
 */
final class AdminResponses {

  private AdminResponses() {}

  static String redirect(String url, String note, RedirectAttributes redirect) {
    redirect.addFlashAttribute(FormPost.FLASH, note);
    return "redirect:" + url;
  }
}
