package org.lectern.programme;

import java.util.UUID;
import org.lectern.identity.LecternUser;
import org.lectern.shared.error.NotFoundException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Back office: switches a programme's neutral wording on or off. The setting is shown on the
 * programme's mail page (notification), where the form posts and the answer leads back to.
 */
@Controller
record ProgrammePrivacyController(ProgrammePrivacy privacy) {

  @PostMapping("/admin/programmes/{id}/privacy")
  String privacy(
      @AuthenticationPrincipal LecternUser user,
      @PathVariable String id,
      @RequestParam(defaultValue = "false") boolean neutral) {
    UUID programmeId;
    try {
      programmeId = UUID.fromString(id);
    } catch (IllegalArgumentException e) {
      throw new NotFoundException("programme.notFound");
    }
    privacy.setNeutralWording(user, programmeId, neutral);
    return "redirect:/admin/programmes/" + programmeId + "/announcements";
  }
}
