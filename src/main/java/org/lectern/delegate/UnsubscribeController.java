package org.lectern.delegate;

import jakarta.servlet.http.HttpServletResponse;
import java.util.UUID;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;

/**
 * Stopping a programme's announcements from the link in one of them: the page the link opens asks
 * to confirm with one button (no JavaScript), and mail providers' one-click unsubscribe (RFC 8058)
 * posts to the same address without a page. Nobody needs to sign in.
 */
@Controller
record UnsubscribeController(AnnouncementUnsubscribe optOuts) {

  static final String PATH = "/my/unsubscribe/{programmeId}/{token}";

  @GetMapping(PATH)
  String ask(
      @PathVariable UUID programmeId,
      @PathVariable String token,
      Model model,
      HttpServletResponse response) {
    boolean valid = optOuts.registrationOf(programmeId, token).isPresent();
    if (!valid) {
      response.setStatus(HttpServletResponse.SC_NOT_FOUND);
    }
    model.addAttribute("page", new UnsubscribePage(action(programmeId, token), valid, false));
    return "delegate/unsubscribe";
  }

  @PostMapping(PATH)
  String unsubscribe(
      @PathVariable UUID programmeId,
      @PathVariable String token,
      Model model,
      HttpServletResponse response) {
    var registration = optOuts.registrationOf(programmeId, token);
    registration.ifPresent(r -> optOuts.optOut(programmeId, r));
    if (registration.isEmpty()) {
      response.setStatus(HttpServletResponse.SC_NOT_FOUND);
    }
    model.addAttribute(
        "page", new UnsubscribePage(action(programmeId, token), registration.isPresent(), true));
    return "delegate/unsubscribe";
  }

  private static String action(UUID programmeId, String token) {
    return "/my/unsubscribe/" + programmeId + "/" + token;
  }
}
