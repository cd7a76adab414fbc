package org.lectern.identity;

import java.time.Clock;
import org.lectern.shared.database.Transactions;
import org.lectern.shared.i18n.Language;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.ott.GenerateOneTimeTokenRequest;
import org.springframework.security.authentication.ott.OneTimeTokenAuthenticationProvider;
import org.springframework.security.authentication.ott.OneTimeTokenService;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.SimpleUrlAuthenticationFailureHandler;
import org.springframework.security.web.authentication.SimpleUrlAuthenticationSuccessHandler;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;

/**
 * The delegates' door: "My trainings" under /my, signed in with a one-time link (Spring Security's
 * one-time-token login). Its security context lives under its own session key, so a delegate
 * session never opens the back office and an organiser session never opens /my.
 */
@Configuration(proxyBeanMethods = false)
class DelegateSecurityConfiguration {

  static final String CONTEXT_KEY = "LECTERN_DELEGATE_SECURITY_CONTEXT";
  static final String CSP =
      "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; "
          + "object-src 'none'; frame-ancestors 'none'; form-action 'self'; base-uri 'self'";

  @Bean
  OneTimeTokenService delegateOneTimeTokens(
      JdbcClient jdbc, Clock clock, Transactions transactions) {
    return new HashedSignInTokens(jdbc, clock, transactions);
  }

  @Bean
  @Order(0)
  SecurityFilterChain delegates(
      HttpSecurity http, OneTimeTokenService tokens, DelegateAccess access) throws Exception {
    var contexts = new HttpSessionSecurityContextRepository();
    contexts.setSpringSecurityContextKey(CONTEXT_KEY);
    http.securityMatcher("/my", "/my/**")
        .securityContext(c -> c.securityContextRepository(contexts))
        .requestCache(r -> r.disable())
        // Mail providers post the one-click unsubscribe (RFC 8058) without a form token; the signed
        // link is the only authority, and it can only stop announcements.
        // Visitors without a session (the sign-in page) keep their token in a cookie (ADR 0028).
        .csrf(
            c ->
                c.csrfTokenRepository(new VisitorCsrfTokens())
                    .ignoringRequestMatchers("/my/unsubscribe/**"))
        .authorizeHttpRequests(
            a ->
                a.requestMatchers(
                        "/my/sign-in",
                        "/my/sign-in/**",
                        "/my/unsubscribe/**",
                        "/my/erasure/confirm")
                    .permitAll()
                    // The calendar feed is opened by a calendar app with its secret address; only
                    // the feed: revoking it (POST /my/calendar/revoke) is the delegate's own act.
                    .requestMatchers(HttpMethod.GET, "/my/calendar/*.ics")
                    .permitAll()
                    .anyRequest()
                    .hasRole("DELEGATE"))
        .oneTimeTokenLogin(
            o ->
                o.tokenService(tokens)
                    .tokenGeneratingUrl("/my/sign-in")
                    // No token is generated here: the request goes on to
                    // DelegateSignInController, which stores every request alike and answers; the
                    // link, if any, is issued after the answer (DelegateAccess.issue).
                    .generateRequestResolver(request -> (GenerateOneTimeTokenRequest) null)
                    .tokenGenerationSuccessHandler(
                        (request, response, token) -> response.sendRedirect("/my/sign-in?sent"))
                    .loginProcessingUrl("/my/sign-in/token")
                    .loginPage("/my/sign-in")
                    .showDefaultSubmitPage(false)
                    .authenticationProvider(
                        new OneTimeTokenAuthenticationProvider(tokens, access.delegates()))
                    .authenticationSuccessHandler(new SimpleUrlAuthenticationSuccessHandler("/my"))
                    .authenticationFailureHandler(
                        new SimpleUrlAuthenticationFailureHandler("/my/sign-in?expired")))
        // Signed out, /my?lang=kk leads to the sign-in page in Kazakh: the pages read ?lang, and
        // this redirect comes before any page.
        .exceptionHandling(
            e ->
                e.authenticationEntryPoint(
                    (request, response, refused) ->
                        response.sendRedirect(
                            Language.fromCode(request.getParameter("lang"))
                                .map(l -> "/my/sign-in?lang=" + l.code())
                                .orElse("/my/sign-in"))))
        .logout(l -> l.logoutUrl("/my/sign-out").logoutSuccessUrl("/my/sign-in?signedOut"))
        .headers(
            h ->
                h.contentSecurityPolicy(c -> c.policyDirectives(CSP))
                    .referrerPolicy(
                        r -> r.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.NO_REFERRER)));
    return http.build();
  }
}
