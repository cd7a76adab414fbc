package org.lectern.live;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;

/**
 * The live API takes a bearer token or a room pass; the controllers decide who is in the room, so
 * this chain only makes the path stateless and free of CSRF (no cookies are read here except the
 * room pass, which is path-scoped to the web page).
 */
@Configuration(proxyBeanMethods = false)
class LiveSecurityConfiguration {

  @Bean
  @Order(-1)
  SecurityFilterChain liveApi(HttpSecurity http) throws Exception {
    http.securityMatcher("/api/v1/sessions/*/live/**")
        .csrf(c -> c.disable())
        .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
        .requestCache(r -> r.disable())
        .authorizeHttpRequests(a -> a.anyRequest().permitAll());
    return http.build();
  }
}
