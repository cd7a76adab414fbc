package org.lectern.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.lectern.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;

/** Entries written before the chain existed are linked by the migration, oldest first. */
class AuditChainMigrationIT extends IntegrationTest {

  @Autowired DataSource dataSource;
  @Autowired AuditChain chain;
  @Autowired V202612042101__ChainAuditEntries migration;

  @Test
  void existingEntriesAreChainedAndVerify() throws Exception {
    jdbc.sql("truncate audit_entry, audit_chain_head").update();
    Instant t = Instant.parse("2026-01-01T10:00:00.123456Z");
    for (int i = 0; i < 7; i++) {
      jdbc.sql(
              """
              insert into audit_entry (id, at, actor_label, action, subject_type, subject_id, count,
                details)
              values (:id, :at, 'Old', 'registration.listed', 'programme', 'x', :c, :d)
              """)
          .param("id", UUID.randomUUID())
          .param("at", Timestamp.from(t.plusSeconds(7 - i)))
          .param("c", i)
          .param("d", i % 2 == 0 ? null : "")
          .update();
    }
    try (Connection c = dataSource.getConnection()) {
      assertThat(migration.chain(c)).isEqualTo(7);
    }
    ChainReport r = chain.verify();
    assertThat(r.intact()).isTrue();
    assertThat(r.checked()).isEqualTo(7);
    // Oldest first: the entry with the earliest time is the first link.
    assertThat(
            jdbc.sql("select count from audit_entry where chain_seq = 1")
                .query(Integer.class)
                .single())
        .isEqualTo(6);
  }
}
