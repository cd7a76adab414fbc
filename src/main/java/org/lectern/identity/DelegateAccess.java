package org.lectern.identity;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import org.lectern.shared.database.Transactions;
import org.lectern.shared.i18n.Language;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.authentication.ott.GenerateOneTimeTokenRequest;
import org.springframework.security.authentication.ott.OneTimeToken;
import org.springframework.security.authentication.ott.OneTimeTokenService;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;

/**
 * Passwordless access for delegates: who may receive a sign-in link, issuing the link (the mail
 * module sends it), and resolving the signed-in delegate. Every answer to a link request looks the
 * same, whether the address is registered, unknown or rate-limited, and comes after the same work:
 * the request is stored and published ({@link #request}); whether the address may have a link, the
 * token and the mail come after the answer ({@link #issue}, from the event's listener).
 */
@Service
record DelegateAccess(
    DelegateAccounts accounts,
    KnownDelegates known,
    DelegateSignInLimits limits,
    ApplicationEventPublisher events,
    @Value("${lectern.base-url}") String baseUrl,
    Transactions transactions,
    DelegateSignInRequests requests,
    OneTimeTokenService tokens,
    Clock clock) {

  static final Duration LINK_VALIDITY = Duration.ofMinutes(15);

  /**
   * Takes a request for a link: for any well-formed address the same work — its address sealed and
   * stored, one event with the row's id — and nothing that depends on whether the address is known.
   * False for a malformed address (the form says so; that depends only on what was typed).
   */
  boolean request(String email) {
    if (!Emails.isValid(email)) {
      return false;
    }
    transactions.run(
        () -> {
          UUID id = UUID.randomUUID();
          requests.insert(id, email.strip(), clock.instant());
          events.publishEvent(new DelegateSignInRequested(id));
        });
    return true;
  }

  /** After the answer: the link for a stored request, if its address may have one. */
  void issue(UUID requestId) {
    transactions.run(
        () ->
            requests
                .take(requestId)
                .flatMap(this::linkRecipient)
                .ifPresent(
                    index ->
                        mailLink(
                            tokens.generate(
                                new GenerateOneTimeTokenRequest(index, LINK_VALIDITY)))));
  }

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
