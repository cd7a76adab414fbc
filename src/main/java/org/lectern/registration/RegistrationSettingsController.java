package org.lectern.registration;

import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.lectern.identity.LecternUser;
import org.lectern.programme.Programme;
import org.lectern.programme.ProgrammeService;
import org.lectern.registration.RegistrationViews.QuestionRow;
import org.lectern.registration.RegistrationViews.SettingsPage;
import org.lectern.shared.error.DomainException;
import org.lectern.shared.web.FormData;
import org.lectern.shared.web.FormErrors;
import org.lectern.shared.web.FormPost;
import org.lectern.shared.web.Ui;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** Registration settings of a programme: fields asked, questions, consent text per language. */
@Controller
record RegistrationSettingsController(ProgrammeService programmes, FormSetup setup) {

  @GetMapping("/admin/programmes/{id}/registration-settings")
  String show(
      @PathVariable UUID id,
      @RequestParam(required = false) String saved,
      @AuthenticationPrincipal LecternUser actor,
      Ui ui,
      Model model) {
    Programme p = programmes.manageable(actor, id);
    model.addAttribute("page", page(p, ui, FormErrors.none(), saved != null));
    return "registration/settings";
  }

  @PostMapping("/admin/programmes/{id}/registration-settings")
  String save(@PathVariable UUID id, @AuthenticationPrincipal LecternUser actor, FormPost post) {
    Programme p = programmes.manageable(actor, id);
    FormData f = post.data();
    Ui ui = post.ui();
    try {
      setup.save(
          actor,
          id,
          fields(f.all("ask")),
          fields(f.all("require")),
          f.checked("open"),
          f.checked("invitationOnly"),
          f.text("consent"));
      return "redirect:/admin/programmes/" + id + "/registration-settings?saved";
    } catch (DomainException e) {
      post.model().addAttribute("page", page(p, ui, FormErrors.of(e, ui), false));
      return "registration/settings";
    }
  }

  @PostMapping("/admin/programmes/{id}/registration-settings/questions")
  String addQuestion(
      @PathVariable UUID id, @AuthenticationPrincipal LecternUser actor, FormPost post) {
    Programme p = programmes.manageable(actor, id);
    FormData f = post.data();
    Ui ui = post.ui();
    try {
      Question.Kind kind = Question.Kind.valueOf(f.get("kind"));
      Map<String, String> options = new LinkedHashMap<>();
      p.languages().forEach(l -> options.put(l, f.raw("options." + l)));
      setup.addQuestion(
          actor,
          id,
          kind,
          f.text("label"),
          new org.lectern.shared.i18n.LocalizedText(options),
          f.checked("required"));
      return "redirect:/admin/programmes/" + id + "/registration-settings?saved";
    } catch (IllegalArgumentException e) {
      post.model()
          .addAttribute(
              "page",
              page(
                  p,
                  ui,
                  FormErrors.of(
                      org.lectern.shared.error.InvalidInputException.of(
                          "kind", "validation.choice"),
                      ui),
                  false));
    } catch (DomainException e) {
      post.model().addAttribute("page", page(p, ui, FormErrors.of(e, ui), false));
    }
    return "registration/settings";
  }

  @PostMapping("/admin/programmes/{id}/registration-settings/questions/{q}")
  String toggle(
      @PathVariable UUID id,
      @PathVariable UUID q,
      @RequestParam(defaultValue = "false") boolean active,
      @AuthenticationPrincipal LecternUser actor) {
    setup.setActive(actor, id, q, active);
    return "redirect:/admin/programmes/" + id + "/registration-settings?saved";
  }

  @PostMapping("/admin/programmes/{id}/registration-settings/opt-in")
  String optIn(
      @PathVariable UUID id,
      @RequestParam(required = false) String doubleOptIn,
      @AuthenticationPrincipal LecternUser actor) {
    setup.setDoubleOptIn(actor, id, "true".equals(doubleOptIn));
    return "redirect:/admin/programmes/" + id + "/registration-settings?saved";
  }

  private static Set<StandardField> fields(List<String> names) {
    Set<StandardField> s = EnumSet.noneOf(StandardField.class);
    names.forEach(n -> StandardField.parse(n).ifPresent(s::add));
    return s;
  }

  private SettingsPage page(Programme p, Ui ui, FormErrors errors, boolean saved) {
    FormSettings s = setup.settings(p.id());
    var consent = setup.consent(p.id());
    Map<String, String> texts = new LinkedHashMap<>();
    p.languages().forEach(l -> texts.put(l, consent.map(c -> c.texts().get(l)).orElse("")));
    var questions =
        setup.questions(p.id()).stream()
            .map(
                q ->
                    new QuestionRow(
                        q.id().toString(),
                        q.kind().name(),
                        q.label().show(ui.lang(), p.languages()),
                        q.required(),
                        q.active()))
            .toList();
    return new SettingsPage(
        p.id().toString(),
        p.title().show(ui.lang(), p.languages()),
        java.util.Arrays.stream(StandardField.values()).map(Enum::name).toList(),
        s.fields().stream().map(Enum::name).toList(),
        s.required().stream().map(Enum::name).toList(),
        s.open(),
        s.invitationOnly(),
        setup.doubleOptIn(p.id()),
        p.languages(),
        consent.map(Consent::version).orElse(null),
        texts,
        questions,
        errors,
        saved ? ui.t("registration.settings.saved") : null);
  }
}
