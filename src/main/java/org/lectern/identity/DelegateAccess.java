package org.lectern.identity;

import java.time.Duration;
import java.util.Optional;
import org.lectern.shared.i18n.Language;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.authentication.ott.OneTimeToken;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Passwordless access for delegates: who may receive a sign-in link, issuing the link (the mail
 * module sends it), and resolving the signed-in delegate. Every answer to a link request looks the
 * same, whether the address is registered, unknown or rate-limited.
 */
@Service
class DelegateAccess {

  static final Duration LINK_VALIDITY = Duration.ofMinutes(15);

  private final DelegateAccounts accounts;
  private final KnownDelegates known;
  private final DelegateSignInLimits limits;
  private final ApplicationEventPublisher events;
  private final String baseUrl;

  DelegateAccess(
      DelegateAccounts accounts,
      KnownDelegates known,
      DelegateSignInLimits limits,
      ApplicationEventPublisher events,
      @Value("${lectern.base-url}") String baseUrl) {
    this.accounts = accounts;
    this.known = known;
    this.limits = limits;
    this.events = events;
    this.baseUrl = baseUrl;
  }

  /** The token username (blind index) to issue a link for, or empty to silently send nothing. */
  @Transactional
  Optional<String> linkRecipient(String email) {
    if (!Emails.isValid(email)) {
      return Optional.empty();
    }
    String index = accounts.indexOf(email);
    if (!limits.tryAcquire(index)) {
      return Optional.empty();
    }
    if (accounts.find(index).isEmpty()) {
      Optional<String> language = known.registrationLanguage(email.strip());
      if (language.isEmpty()) {
        return Optional.empty();
      }
      accounts.remember(email.strip(), language(language.get()));
    }
    return Optional.of(index);
  }

  @Transactional
  void mailLink(OneTimeToken token) {
    DelegateAddress to = accounts.find(token.getUsername()).orElseThrow();
    String lang = to.language();
    String url = baseUrl + "/my/sign-in/token?token=" + token.getTokenValue() + "&lang=" + lang;
    events.publishEvent(new DelegateSignInLinkIssued(to.email(), lang, url, LINK_VALIDITY));
  }

  UserDetailsService delegates() {
    return index ->
        accounts
            .find(index)
            .map(d -> new DelegatePrincipal(d.emailIndex(), d.email(), d.language()))
            .orElseThrow(() -> new UsernameNotFoundException("unknown delegate"));
  }

  private static String language(String lang) {
    return Language.fromCode(lang).orElse(Language.EN).code();
  }
}
