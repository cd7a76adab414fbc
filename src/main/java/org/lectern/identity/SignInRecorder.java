package org.lectern.identity;

import java.sql.Timestamp;
import java.time.Clock;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.stereotype.Component;

/**
 * Remembers when each person last signed in (with their password, in the browser or for an API
 * token), for the members pages of their organisations.
 */
@Component
record SignInRecorder(JdbcClient jdbc, Clock clock) {

  @EventListener
  void on(AuthenticationSuccessEvent e) {
    if (e.getAuthentication().getPrincipal() instanceof LecternUser user) {
      jdbc.sql("update app_user set last_sign_in_at = :at where id = :id")
          .param("at", Timestamp.from(clock.instant()))
          .param("id", user.id())
          .update();
    }
  }
}
