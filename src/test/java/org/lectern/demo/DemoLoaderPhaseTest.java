package org.lectern.demo;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.web.server.context.WebServerApplicationContext;

class DemoLoaderPhaseTest {

  /** Lifecycles start in ascending phase: the demo is in the database before the port opens. */
  @Test
  void theDemoIsLoadedBeforeTheWebServerStarts() {
    assertThat(DemoLoader.PHASE).isLessThan(WebServerApplicationContext.START_STOP_LIFECYCLE_PHASE);
  }
}
