package org.lectern.notification;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.lectern.identity.Emails;
import org.lectern.shared.i18n.Language;
import org.springframework.security.authentication.ott.OneTimeToken;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Passwordless access for delegates: who may receive a sign-in link, the link mail itself, and
 * resolving the signed-in delegate. Every answer to a link request looks the same, whether the
 * address is registered, unknown or rate-limited.
 */
@Service
class DelegateAccess {

  static final Duration LINK_VALIDITY = Duration.ofMinutes(15);

  private final DelegateDirectory directory;
  private final DelegateRegistrations registrations;
  private final SignInLimits limits;
  private final Outbox outbox;
  private final MailRenderer renderer;
  private final MailFrame frame;
  private final Wording wording;

  DelegateAccess(
      DelegateDirectory directory,
      DelegateRegistrations registrations,
      SignInLimits limits,
      Outbox outbox,
      MailRenderer renderer,
      MailFrame frame,
      Wording wording) {
    this.directory = directory;
    this.registrations = registrations;
    this.limits = limits;
    this.outbox = outbox;
    this.renderer = renderer;
    this.frame = frame;
    this.wording = wording;
  }

  /** The token username (blind index) to issue a link for, or empty to silently send nothing. */
  @Transactional
  Optional<String> linkRecipient(String email) {
    if (!Emails.isValid(email)) {
      return Optional.empty();
    }
    String index = directory.indexOf(email);
    if (!limits.tryAcquire(index)) {
      return Optional.empty();
    }
    if (directory.find(index).isEmpty()) {
      List<DelegateRegistration> own = registrations.forDelegate(email.strip());
      if (own.isEmpty()) {
        return Optional.empty();
      }
      directory.remember(email.strip(), Wording.language(own.get(0).language()).code());
    }
    return Optional.of(index);
  }

  @Transactional
  void mailLink(OneTimeToken token) {
    DelegateAddress to = directory.find(token.getUsername()).orElseThrow();
    String lang = to.language();
    String url =
        frame.baseUrl() + "/my/sign-in/token?token=" + token.getTokenValue() + "&lang=" + lang;
    MailContent content =
        new MailContent(
            lang,
            wording.t(lang, "notification.signIn.subject"),
            wording.t(lang, "notification.greeting.anonymous"),
            List.of(
                wording.t(lang, "notification.signIn.body", LINK_VALIDITY.toMinutes()),
                wording.t(lang, "notification.signIn.ignore")),
            List.of(),
            new MailContent.Link(wording.t(lang, "notification.signIn.action"), url),
            frame.footer(lang, true));
    // The token is a credential: the dedupe key must not contain it. Always neutral: this
    // address may belong to a delegate of a neutral programme.
    outbox.enqueue(
        renderer.mail(
            content,
            "delegate.signIn",
            null,
            to.email(),
            List.of(),
            "delegate.signIn:" + UUID.randomUUID(),
            true));
  }

  UserDetailsService delegates() {
    return index ->
        directory
            .find(index)
            .map(d -> new DelegatePrincipal(d.emailIndex(), d.email(), d.language()))
            .orElseThrow(() -> new UsernameNotFoundException("unknown delegate"));
  }

  @Transactional
  void chooseLanguage(DelegatePrincipal delegate, String lang) {
    Language.fromCode(lang)
        .ifPresent(l -> directory.chooseLanguage(delegate.emailIndex(), l.code()));
  }
}
