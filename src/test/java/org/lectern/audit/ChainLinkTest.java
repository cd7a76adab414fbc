package org.lectern.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.junit.jupiter.api.Test;

class ChainLinkTest {

  static final UUID ID = UUID.fromString("00000000-0000-0000-0000-000000000001");

  ChainLink link(String label, String details) {
    return new ChainLink(
        1,
        ID,
        1_700_000_000_000_000L,
        null,
        label,
        "registration.listed",
        null,
        null,
        "programme",
        "x",
        3,
        details);
  }

  @Test
  void nullEmptyAndShiftedFieldsHashDifferently() {
    String g = ChainLink.GENESIS;
    assertThat(link(null, "a").hash(g)).isNotEqualTo(link("", "a").hash(g));
    assertThat(link("ab", "c").hash(g)).isNotEqualTo(link("a", "bc").hash(g));
    assertThat(link("a|+1:b", null).hash(g)).isNotEqualTo(link("a", "b").hash(g));
    assertThat(link("a", "b").hash(g)).isNotEqualTo(link("a", "b").hash("1".repeat(64)));
    assertThat(link("a", "b").hash(g)).isEqualTo(link("a", "b").hash(g)).hasSize(64);
  }

  @Test
  void theEncodingIsStable() {
    assertThat(link("Ä", null).canonical(ChainLink.GENESIS))
        .isEqualTo(
            "lectern-audit-v1|+1:1|+36:00000000-0000-0000-0000-000000000001|+16:1700000000000000"
                + "|-|+2:Ä|+19:registration.listed|-|-|+9:programme|+1:x|+1:3|-|+64:"
                + ChainLink.GENESIS);
  }
}
