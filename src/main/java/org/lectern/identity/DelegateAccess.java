package org.lectern.identity;

import java.time.Duration;
import java.util.Optional;
import org.lectern.shared.database.Transactions;
import org.lectern.shared.i18n.Language;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.authentication.ott.OneTimeToken;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;

/**
 * Passwordless access for delegates: who may receive a sign-in link, issuing the link (the mail
 * module sends it), and resolving the signed-in delegate. Every answer to a link request looks the
 * same, whether the address is registered, unknown or rate-limited.
 */
@Service
record DelegateAccess(
    DelegateAccounts accounts,
    KnownDelegates known,
    DelegateSignInLimits limits,
    ApplicationEventPublisher events,
    @Value("${lectern.base-url}") String baseUrl,
    Transactions transactions) {

  static final Duration LINK_VALIDITY = Duration.ofMinutes(15);

  /** The token username (blind index) to issue a link for, or empty to silently send nothing. */
  Optional<String> linkRecipient(String email) {
    return transactions.result(
        () -> {
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
        });
  }

  void mailLink(OneTimeToken token) {
    transactions.run(
        () -> {
          DelegateAddress to = accounts.find(token.getUsername()).orElseThrow();
          String lang = to.language();
          String url =
              baseUrl + "/my/sign-in/token?token=" + token.getTokenValue() + "&lang=" + lang;
          events.publishEvent(new DelegateSignInLinkIssued(to.email(), lang, url, LINK_VALIDITY));
        });
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
