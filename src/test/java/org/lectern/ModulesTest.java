package org.lectern;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;

/** Module boundaries hold: no cycles, no use of another module's internals. */
class ModulesTest {

  @Test
  void modulesRespectTheirBoundaries() {
    ApplicationModules modules = ApplicationModules.of(LecternApplication.class);
    assertThat(modules.stream().map(m -> m.getIdentifier().toString()))
        .contains("programme", "session", "catalogue", "identity");
    modules.verify();
  }
}
