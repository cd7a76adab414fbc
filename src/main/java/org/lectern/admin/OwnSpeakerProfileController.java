package org.lectern.admin;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.lectern.admin.AdminViews.OwnProfilePage;
import org.lectern.identity.LecternUser;
import org.lectern.shared.error.InvalidInputException;
import org.lectern.shared.i18n.LocalizedText;
import org.lectern.shared.web.FormErrors;
import org.lectern.shared.web.FormPost;
import org.lectern.shared.web.Ui;
import org.lectern.speaker.Speaker;
import org.lectern.speaker.SpeakerAccounts;
import org.lectern.speaker.SpeakerService;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/**
 * A speaker keeps their own profile: biography in each language of their programmes, affiliation
 * and photo (stored without its metadata). Another speaker's record answers 404.
 */
@Controller
record OwnSpeakerProfileController(SpeakerAccounts accounts, OwnSpeakerService desk) {

  private static final String VIEW = "admin/ownProfile";
  private static final int PHOTO_MAX_MB = SpeakerService.PHOTO_MAX_BYTES / 1024 / 1024;

  @GetMapping("/admin/me/speakers/{id}")
  String edit(
      @PathVariable String id, @AuthenticationPrincipal LecternUser user, Ui ui, Model model) {
    Speaker s = accounts.own(user, Ids.parse(id));
    model.addAttribute(
        "page",
        page(s, s.affiliation(), s.bio().values(), desk.languages(s, ui), FormErrors.none()));
    return VIEW;
  }

  @PostMapping("/admin/me/speakers/{id}")
  String update(
      @PathVariable String id,
      @AuthenticationPrincipal LecternUser user,
      @RequestParam(required = false) MultipartFile photo,
      FormPost post) {
    Ui ui = post.ui();
    Speaker s = accounts.own(user, Ids.parse(id));
    List<String> languages = desk.languages(s, ui);
    // Languages not shown on the form keep their text; those shown take what was typed.
    Map<String, String> bio = new HashMap<>(s.bio().values());
    for (String l : languages) {
      String v = post.params().getFirst("bio." + l);
      if (v == null || v.isBlank()) {
        bio.remove(l);
      } else {
        bio.put(l, v.strip());
      }
    }
    String affiliation = post.params().getFirst("affiliation");
    try {
      accounts.updateOwn(user, s.id(), new LocalizedText(bio), affiliation, bytes(photo));
      return post.redirect("/admin/me/speakers/" + s.id(), ui.t("admin.saved"));
    } catch (InvalidInputException e) {
      var page = page(s, affiliation, bio, languages, FormErrors.of(e, ui));
      return post.redraw(e, page, VIEW);
    }
  }

  private static OwnProfilePage page(
      Speaker s,
      String affiliation,
      Map<String, String> bio,
      List<String> languages,
      FormErrors errors) {
    return new OwnProfilePage(
        s.id().toString(),
        s.fullName(),
        affiliation == null ? "" : affiliation,
        languages,
        bio,
        s.hasPhoto(),
        PHOTO_MAX_MB,
        errors);
  }

  private static byte[] bytes(MultipartFile photo) {
    if (photo == null || photo.isEmpty()) {
      return null;
    }
    if (photo.getSize() > SpeakerService.PHOTO_MAX_BYTES) {
      throw InvalidInputException.of("photo", "speaker.photo.tooLarge", PHOTO_MAX_MB);
    }
    try {
      return photo.getBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
