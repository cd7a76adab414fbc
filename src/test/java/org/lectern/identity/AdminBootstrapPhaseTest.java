package org.lectern.identity;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.web.server.context.WebServerApplicationContext;

class AdminBootstrapPhaseTest {

  /** Lifecycles start in ascending phase: the administrator exists before the port opens. */
  @Test
  void theAdministratorIsCreatedBeforeTheWebServerStarts() {
    assertThat(AdminBootstrap.PHASE)
        .isLessThan(WebServerApplicationContext.START_STOP_LIFECYCLE_PHASE);
  }
}
