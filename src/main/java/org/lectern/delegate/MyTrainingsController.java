package org.lectern.delegate;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.lectern.identity.DelegateAccounts;
import org.lectern.identity.DelegateAddress;
import org.lectern.identity.DelegatePrincipal;
import org.lectern.registration.OwnRegistrations;
import org.lectern.shared.error.NotFoundException;
import org.lectern.shared.i18n.Language;
import org.lectern.shared.web.Ui;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** "My trainings" for delegates: their registrations, language and calendar feed. */
@Controller
record MyTrainingsController(
    MyTrainings trainings,
    DelegateAccounts directory,
    OwnRegistrations registrations,
    LocaleResolver locales,
    @Value("${lectern.base-url}") String baseUrl) {

  static final MediaType CALENDAR = new MediaType("text", "calendar", StandardCharsets.UTF_8);

  @GetMapping("/my")
  String my(
      @AuthenticationPrincipal DelegatePrincipal delegate,
      @RequestParam(required = false) String done,
      HttpServletRequest request,
      Model model,
      Ui ui) {
    var found = directory.find(delegate.emailIndex());
    if (found.isEmpty()) {
      // The address was erased (from another browser): this session is over.
      var session = request.getSession(false);
      if (session != null) {
        session.invalidate();
      }
      return "redirect:/my/sign-in";
    }
    DelegateAddress address = found.get();
    Object feed = model.getAttribute("newFeedUrl");
    model.addAttribute(
        "page",
        trainings.page(
            delegate,
            address.language(),
            address.hasFeed(),
            feed == null ? null : feed.toString(),
            done,
            ui));
    return "delegate/my";
  }

  @PostMapping("/my/registrations/{id}/cancel")
  String cancel(@AuthenticationPrincipal DelegatePrincipal delegate, @PathVariable String id) {
    UUID registrationId =
        trainings
            .parse(id)
            .orElseThrow(() -> new NotFoundException("delegate.my.registrationNotFound"));
    registrations.cancelByDelegate(delegate.email(), registrationId);
    return "redirect:/my?done=cancelled";
  }

  @PostMapping("/my/language")
  String language(
      @AuthenticationPrincipal DelegatePrincipal delegate,
      @RequestParam(defaultValue = "") String language,
      HttpServletRequest request,
      HttpServletResponse response) {
    Language.fromCode(language)
        .ifPresent(
            l -> {
              directory.chooseLanguage(delegate.emailIndex(), l.code());
              locales.setLocale(request, response, l.locale());
            });
    return "redirect:/my?done=language";
  }

  @PostMapping("/my/calendar")
  String newFeed(@AuthenticationPrincipal DelegatePrincipal delegate, RedirectAttributes flash) {
    String secret = directory.renewFeedSecret(delegate.emailIndex());
    flash.addFlashAttribute("newFeedUrl", baseUrl + "/my/calendar/" + secret + ".ics");
    return "redirect:/my?done=feed";
  }

  @PostMapping("/my/calendar/revoke")
  String revokeFeed(@AuthenticationPrincipal DelegatePrincipal delegate) {
    directory.revokeFeed(delegate.emailIndex());
    return "redirect:/my?done=feedRevoked";
  }

  @GetMapping("/my/calendar/{secret}.ics")
  ResponseEntity<String> feed(@PathVariable String secret) {
    DelegateAddress address =
        directory
            .byFeedSecret(secret)
            .orElseThrow(() -> new NotFoundException("delegate.my.feedNotFound"));
    return ResponseEntity.ok()
        .contentType(CALENDAR)
        .header("Cache-Control", "no-store")
        .body(trainings.calendar(address.email(), address.language()));
  }
}
