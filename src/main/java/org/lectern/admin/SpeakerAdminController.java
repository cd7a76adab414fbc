package org.lectern.admin;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Comparator;
import java.util.UUID;
import org.lectern.admin.AdminViews.SpeakerAccountSection;
import org.lectern.admin.AdminViews.SpeakerFormPage;
import org.lectern.admin.AdminViews.SpeakerListPage;
import org.lectern.admin.AdminViews.SpeakerRow;
import org.lectern.identity.LecternUser;
import org.lectern.shared.error.InvalidInputException;
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

/** The speakers of the organiser's organisations: their profiles and photos. */
@Controller
record SpeakerAdminController(SpeakerService speakers, SpeakerAccounts accounts, AdminPages pages) {

  private static final String VIEW = "admin/speaker";
  private static final int PHOTO_MAX_MB = SpeakerService.PHOTO_MAX_BYTES / 1024 / 1024;

  @GetMapping("/admin/speakers")
  String list(@AuthenticationPrincipal LecternUser user, Model model) {
    var rows =
        speakers.manageableBy(user).stream()
            .sorted(Comparator.comparing(Speaker::fullName))
            .map(
                s ->
                    new SpeakerRow(s.id().toString(), s.fullName(), s.affiliation(), s.published()))
            .toList();
    model.addAttribute("page", new SpeakerListPage(rows));
    return "admin/speakers";
  }

  @GetMapping("/admin/speakers/new")
  String newForm(@AuthenticationPrincipal LecternUser user, Ui ui, Model model) {
    var orgs = pages.ownOrganisations(user, ui);
    if (orgs.isEmpty()) {
      // Speakers belong to an organisation; someone in none has nowhere to create one.
      throw new org.lectern.shared.error.ForbiddenException("speaker.cannotManage");
    }
    var form = SpeakerForm.blank(orgs.isEmpty() ? "" : orgs.get(0).value());
    model.addAttribute("page", page(null, form, FormErrors.none(), user, ui, false));
    return VIEW;
  }

  @PostMapping("/admin/speakers")
  String create(
      @AuthenticationPrincipal LecternUser user,
      @RequestParam(required = false) MultipartFile photo,
      FormPost post) {
    Ui ui = post.ui();
    if (pages.ownOrganisations(user, ui).isEmpty()) {
      throw new org.lectern.shared.error.ForbiddenException("speaker.cannotManage");
    }
    SpeakerForm form = SpeakerForm.from(post.data());
    try {
      var org = Ids.orNull(form.organisationId());
      if (org == null) {
        throw InvalidInputException.of("organisationId", "validation.choice");
      }
      Speaker s = speakers.create(user, org, form.validate(), bytes(photo));
      return post.redirect("/admin/speakers/" + s.id(), ui.t("admin.speaker.created"));
    } catch (InvalidInputException e) {
      var page = page(null, form, FormErrors.of(e, ui), user, ui, false);
      return post.redraw(e, page, VIEW);
    }
  }

  @GetMapping("/admin/speakers/{id}")
  String edit(
      @PathVariable String id, @AuthenticationPrincipal LecternUser user, Ui ui, Model model) {
    Speaker s = speakers.manageable(user, Ids.parse(id));
    model.addAttribute(
        "page",
        page(s.id().toString(), SpeakerForm.of(s), FormErrors.none(), user, ui, s.hasPhoto()));
    return VIEW;
  }

  @PostMapping("/admin/speakers/{id}")
  String update(
      @PathVariable String id,
      @AuthenticationPrincipal LecternUser user,
      @RequestParam(required = false) MultipartFile photo,
      FormPost post) {
    Ui ui = post.ui();
    Speaker s = speakers.manageable(user, Ids.parse(id));
    SpeakerForm form = SpeakerForm.from(post.data());
    try {
      speakers.update(user, s.id(), form.validate(), bytes(photo));
      return post.redirect("/admin/speakers/" + s.id(), ui.t("admin.saved"));
    } catch (InvalidInputException e) {
      var page = page(s.id().toString(), form, FormErrors.of(e, ui), user, ui, s.hasPhoto());
      return post.redraw(e, page, VIEW);
    }
  }

  private SpeakerFormPage page(
      String id, SpeakerForm form, FormErrors errors, LecternUser user, Ui ui, boolean hasPhoto) {
    return page(id, form, errors, user, ui, hasPhoto, "", FormErrors.none());
  }

  SpeakerFormPage page(
      String id,
      SpeakerForm form,
      FormErrors errors,
      LecternUser user,
      Ui ui,
      boolean hasPhoto,
      String inviteEmail,
      FormErrors inviteErrors) {
    SpeakerAccountSection account = null;
    if (id != null) {
      var status = accounts.status(user, UUID.fromString(id));
      account =
          new SpeakerAccountSection(
              status.linkedEmail(), status.invitedEmail(), inviteEmail, ui.lang(), inviteErrors);
    }
    return new SpeakerFormPage(
        id, form, errors, pages.ownOrganisations(user, ui), hasPhoto, PHOTO_MAX_MB, account);
  }

  /** Invites the speaker to sign in: their own profile and their sessions' live rooms. */
  @PostMapping("/admin/speakers/{id}/invite")
  String invite(
      @PathVariable String id,
      @AuthenticationPrincipal LecternUser user,
      @RequestParam(defaultValue = "") String email,
      @RequestParam(defaultValue = "") String language,
      FormPost post) {
    Ui ui = post.ui();
    Speaker s = speakers.manageable(user, Ids.parse(id));
    try {
      var status = accounts.invite(user, s.id(), email.strip(), language);
      String note =
          status.linkedEmail() != null
              ? ui.t("admin.speaker.account.linkedNow", status.linkedEmail())
              : ui.t("admin.speaker.account.invitedNow", status.invitedEmail());
      return post.redirect("/admin/speakers/" + s.id(), note);
    } catch (InvalidInputException | org.lectern.shared.error.ConflictException e) {
      var page =
          page(
              s.id().toString(),
              SpeakerForm.of(s),
              FormErrors.none(),
              user,
              ui,
              s.hasPhoto(),
              email.strip(),
              FormErrors.of(e, ui));
      return post.redraw(e, page, VIEW);
    }
  }

  /** The uploaded photo, or null when none was chosen; too large a file is refused unread. */
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
