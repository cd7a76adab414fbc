package org.lectern.identity;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Creates the first platform administrator from LECTERN_ADMIN_EMAIL and LECTERN_ADMIN_PASSWORD when
 * none exists yet; never changes an existing account.
 */
@Component
@Order(0)
class AdminBootstrap implements ApplicationRunner {

  private static final Logger log = LoggerFactory.getLogger(AdminBootstrap.class);

  private final UserService users;
  private final String email;
  private final String password;

  AdminBootstrap(
      UserService users,
      @Value("${lectern.admin.email:}") String email,
      @Value("${lectern.admin.password:}") String password) {
    this.users = users;
    this.email = email;
    this.password = password;
  }

  @Override
  public void run(ApplicationArguments args) {
    if (email.isBlank() || password.isBlank() || users.anyPlatformAdmin()) {
      return;
    }
    if (users.findByEmail(email).isPresent()) {
      log.warn("LECTERN_ADMIN_EMAIL {} belongs to an existing account; not changed", email);
      return;
    }
    users.create(email, "Administrator", password, true);
    log.info("Created platform administrator {}", email);
  }
}
