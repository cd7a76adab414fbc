package org.lectern.shared.web;

import jakarta.servlet.http.HttpServletResponse;
import org.lectern.shared.error.DomainException;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A form sent to a page handler, with the two ways a page answers it: the page again with its
 * errors ({@link #redraw}, the status says why) or a redirect with a note ({@link #redirect}).
 * Controllers take it as one parameter (resolved by {@link FormPostArgumentResolver}) instead of
 * the fields, {@link Ui}, {@link Model}, response and {@link RedirectAttributes} that every form
 * handler needed only for that (issue 17).
 */
public record FormPost(
    MultiValueMap<String, String> params,
    Ui ui,
    Model model,
    HttpServletResponse response,
    RedirectAttributes redirects) {

  /** The flash attribute the layout shows as a note after a redirect. */
  public static final String FLASH = "flash";

  /** The fields sent, for a {@code …Form.from}. */
  public FormData data() {
    return new FormData(params);
  }

  /** The page again as {@code page} in {@code view}, with the status of the refusal. */
  public String redraw(DomainException e, Object page, String view) {
    return FormRefusal.redraw(e, page, view, model, response);
  }

  /** Redirects to a local URL, showing the note (already in the viewer's language) there. */
  public String redirect(String url, String note) {
    redirects.addFlashAttribute(FLASH, note);
    return "redirect:" + url;
  }
}
