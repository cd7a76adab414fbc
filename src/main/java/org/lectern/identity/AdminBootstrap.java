package org.lectern.identity;

import org.lectern.shared.lifecycle.StartupStep;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.stereotype.Component;

/**
 * Creates the first platform administrator from LECTERN_ADMIN_EMAIL and LECTERN_ADMIN_PASSWORD when
 * none exists yet; never changes an existing account. A short or guessable password stops the start
 * with a clear log line (see {@link PasswordPolicy}). Runs before the web server opens its port, so
 * the first request already finds the administrator.
 */
@Component
class AdminBootstrap extends StartupStep {

  /**
   * The name of the first administrator when LECTERN_ADMIN_NAME is not set. Participants see it
   * (live rooms, member lists), so "Your account" asks an administrator still called so to set
   * their own name.
   */
  static final String DEFAULT_NAME = "Administrator";

  static final int PHASE = WebServerApplicationContext.START_STOP_LIFECYCLE_PHASE - 2048;

  private static final Logger log = LoggerFactory.getLogger(AdminBootstrap.class);

  private final UserService users;
  private final PasswordPolicy policy;
  private final String email;
  private final String password;
  private final String name;

  AdminBootstrap(
      UserService users,
      PasswordPolicy policy,
      @Value("${lectern.admin.email:}") String email,
      @Value("${lectern.admin.password:}") String password,
      @Value("${lectern.admin.name:}") String name) {
    super(PHASE);
    this.users = users;
    this.policy = policy;
    this.email = email;
    this.password = password;
    // The name others see in member lists and the audit log; it can be given in any language.
    this.name = name == null || name.isBlank() ? DEFAULT_NAME : name.strip();
  }

  @Override
  protected void run() {
    if (email.isBlank() || password.isBlank() || users.anyPlatformAdmin()) {
      return;
    }
    if (users.findByEmail(email).isPresent()) {
      log.warn("LECTERN_ADMIN_EMAIL {} belongs to an existing account; not changed", email);
      return;
    }
    try {
      policy.check("password", password, email.split("@")[0]);
    } catch (org.lectern.shared.error.InvalidInputException e) {
      // Refuse to start rather than create an administrator anyone could guess.
      log.error(
          "LECTERN_ADMIN_PASSWORD is refused: it needs at least {} characters and must not be a"
              + " common or easily guessed password (a few unrelated words work well). Lectern"
              + " does not start until it is changed.",
          PasswordPolicy.MIN_LENGTH);
      throw e;
    }
    users.create(email, name, password, true);
    // The address itself stays out of the log: logs are copied and kept where the sealed account
    // table is not (SECURITY.md, personal data at rest).
    log.info("Created the platform administrator of LECTERN_ADMIN_EMAIL");
    if (DEFAULT_NAME.equals(name)) {
      log.info(
          "LECTERN_ADMIN_NAME is not set: the administrator is shown as '{}' until they set their"
              + " name on /admin/account",
          DEFAULT_NAME);
    }
  }
}
