package org.lectern.identity;

import jakarta.servlet.DispatcherType;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;

/**
 * Two doors: the API (stateless, bearer tokens, problem+json) and the web (form sign-in for the
 * back office, CSRF on every form). Public pages need no sign-in. Nothing from other origins.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

  static final String CSP =
      "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; "
          + "object-src 'none'; frame-ancestors 'none'; form-action 'self'; base-uri 'self'";

  @Bean
  PasswordEncoder passwordEncoder() {
    return PasswordEncoderFactories.createDelegatingPasswordEncoder();
  }

  @Bean
  AuthenticationManager authenticationManager(
      UserService users,
      PasswordEncoder encoder,
      org.springframework.context.ApplicationEventPublisher events,
      SignInThrottle throttle) {
    DaoAuthenticationProvider provider = new DaoAuthenticationProvider(users);
    provider.setPasswordEncoder(encoder);
    // A disabled account is refused only after its password was checked, so that it answers
    // like a wrong password, in the same time.
    provider.setPreAuthenticationChecks(user -> {});
    provider.setPostAuthenticationChecks(
        user -> {
          if (!user.isEnabled()) {
            throw new org.springframework.security.authentication.DisabledException("disabled");
          }
        });
    ProviderManager manager = new ProviderManager(provider);
    // Successful sign-ins become events: SignInRecorder keeps the time for the members pages.
    manager.setAuthenticationEventPublisher(
        new org.springframework.security.authentication.DefaultAuthenticationEventPublisher(
            events));
    return new ThrottledAuthentication(manager, throttle, encoder);
  }

  /**
   * No Micrometer observation around every security filter and the chain (Spring Security's default
   * when a registry exists): about a dozen observation starts and stops per request, on every API
   * call and page (issue 16, BENCHMARKS.md "Third pass"). The request itself is still observed
   * ({@code http_server_requests}); sign-in failures are still logged and audited.
   */
  @Bean
  SecurityObservationSettings securityObservationSettings() {
    return SecurityObservationSettings.noObservations();
  }

  // The token filter runs inside the API security chain only, not as a plain servlet filter.
  @Bean
  FilterRegistrationBean<ApiTokenFilter> apiTokenFilterRegistration(ApiTokenFilter filter) {
    FilterRegistrationBean<ApiTokenFilter> r = new FilterRegistrationBean<>(filter);
    r.setEnabled(false);
    return r;
  }

  @Bean
  @Order(1)
  SecurityFilterChain api(HttpSecurity http, ApiTokenFilter tokens, ApiProblemEntryPoint problems)
      throws Exception {
    http.securityMatcher("/api/**")
        .csrf(c -> c.disable())
        .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
        .requestCache(r -> r.disable())
        .addFilterBefore(tokens, UsernamePasswordAuthenticationFilter.class)
        .exceptionHandling(e -> e.authenticationEntryPoint(problems).accessDeniedHandler(problems))
        .authorizeHttpRequests(
            a ->
                // An error dispatch answers what already failed: never a second refusal on top.
                a.dispatcherTypeMatchers(DispatcherType.ERROR)
                    .permitAll()
                    .requestMatchers(HttpMethod.POST, "/api/v1/auth/tokens")
                    .permitAll()
                    // Same as the public form: anyone may register for a published programme.
                    .requestMatchers(HttpMethod.POST, "/api/v1/programmes/*/registrations")
                    .permitAll()
                    .requestMatchers(HttpMethod.GET, "/api/v1/programmes", "/api/v1/programmes/*")
                    .permitAll()
                    // Anyone may check a certificate file, like the public /verify page.
                    .requestMatchers(HttpMethod.POST, "/api/v1/certificates/verify")
                    .permitAll()
                    .requestMatchers(
                        HttpMethod.GET, "/api/v1/programmes/*/sessions", "/api/v1/sessions/*")
                    .permitAll()
                    .anyRequest()
                    .authenticated());
    return http.build();
  }

  @Bean
  @Order(2)
  SecurityFilterChain web(
      HttpSecurity http,
      AccountRepository accounts,
      SignInSuccess signedIn,
      AuthenticationManager authentication,
      java.time.Clock clock,
      @org.springframework.beans.factory.annotation.Value("${lectern.session.absolute-timeout:12h}")
          java.time.Duration absoluteTimeout)
      throws Exception {
    http.authenticationManager(authentication)
        .addFilterBefore(
            new AccountStateFilter(accounts),
            org.springframework.security.web.access.intercept.AuthorizationFilter.class)
        // After the account check (same position, added later): a session waiting for its second
        // factor can do nothing else.
        .addFilterBefore(
            new SecondFactorGate(signedIn, absoluteTimeout, clock),
            org.springframework.security.web.access.intercept.AuthorizationFilter.class)
        // Visitors without a session keep their form token in a cookie, not a session (ADR 0028).
        .csrf(c -> c.csrfTokenRepository(new VisitorCsrfTokens()))
        .authorizeHttpRequests(
            a ->
                a.dispatcherTypeMatchers(DispatcherType.ERROR)
                    .permitAll()
                    .requestMatchers("/admin", "/admin/**", "/funder", "/funder/**")
                    .authenticated()
                    .anyRequest()
                    .permitAll())
        .formLogin(
            f ->
                f.loginPage("/login")
                    .usernameParameter("email")
                    .successHandler(signedIn)
                    .failureUrl("/login?error")
                    .permitAll())
        .logout(l -> l.logoutUrl("/logout").logoutSuccessUrl("/"))
        .headers(
            h ->
                h.contentSecurityPolicy(c -> c.policyDirectives(CSP))
                    .referrerPolicy(
                        r -> r.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN)));
    return http.build();
  }
}
