package org.lectern.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lectern.audit.AuditChain;
import org.lectern.audit.AuditLog;
import org.lectern.audit.ChainReport;
import org.lectern.identity.LecternUser;
import org.lectern.identity.UserService;
import org.lectern.support.Fixtures;
import org.lectern.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The audit log is one hash chain: concurrent writers keep it whole, and a row changed or removed
 * in SQL is named by the verification, on the platform administrators' page and in the report.
 */
class AuditChainIT extends IntegrationTest {

  @Autowired AuditLog audit;
  @Autowired AuditChain chain;
  @Autowired UserService users;
  @Autowired Fixtures fixtures;

  LecternUser root;
  LecternUser organiser;

  @BeforeAll
  void people() {
    root =
        users
            .find(
                users.create(
                    "chain-root-" + UUID.randomUUID().toString().substring(0, 6) + "@example.org",
                    "Root",
                    Fixtures.PASSWORD,
                    true))
            .orElseThrow();
    organiser = fixtures.organiser("chain");
  }

  @BeforeEach
  void emptyLog() {
    jdbc.sql("truncate audit_entry, audit_chain_head").update();
  }

  void record(int count, String details) {
    audit.record(
        new AuditLog.Record(
            organiser.id(),
            "Organiser",
            "registration.listed",
            null,
            "programme",
            UUID.randomUUID().toString(),
            count,
            details));
  }

  UUID entryAt(long seq) {
    return jdbc.sql("select id from audit_entry where chain_seq = :s")
        .param("s", seq)
        .query(UUID.class)
        .single();
  }

  @Test
  void entriesAreLinkedAsTheyCommitAndTheChainVerifies() {
    for (int i = 0; i < 5; i++) {
      record(i, "d" + i);
    }
    assertThat(
            jdbc.sql("select count(*) from audit_entry where hash is null")
                .query(Long.class)
                .single())
        .isZero();
    ChainReport r = chain.verify();
    assertThat(r.intact()).isTrue();
    assertThat(r.checked()).isEqualTo(5);
    assertThat(r.unchained()).isZero();
    assertThat(r.headHash()).hasSize(64);
  }

  @Test
  void aRowChangedInSqlIsNamedOnTheAdminPage() {
    for (int i = 0; i < 6; i++) {
      record(i, "d" + i);
    }
    UUID third = entryAt(3);
    jdbc.sql("update audit_entry set count = 999 where id = :id").param("id", third).update();

    ChainReport r = chain.verify();
    assertThat(r.intact()).isFalse();
    assertThat(r.firstBreak().entryId()).isEqualTo(third);
    assertThat(r.firstBreak().reason()).isEqualTo(ChainReport.Reason.CHANGED);

    var web = new WebSession(baseUrl()).signIn(root.email(), Fixtures.PASSWORD);
    var page = web.get("/admin/audit/verify");
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body())
        .contains("data-intact=\"false\"")
        .contains("data-entry=\"" + third + "\"")
        .contains("The entry was changed after it was written");
    var ru = new WebSession(baseUrl()).language("ru").signIn(root.email(), Fixtures.PASSWORD);
    assertThat(ru.get("/admin/audit/verify").body()).contains("Журнал аудита был изменён");
  }

  @Test
  void aRemovedRowAndARemovedTailAreNoticed() {
    for (int i = 0; i < 6; i++) {
      record(i, null);
    }
    UUID fourth = entryAt(4);
    jdbc.sql("delete from audit_entry where chain_seq = 3").update();
    ChainReport gap = chain.verify();
    assertThat(gap.firstBreak().entryId()).isEqualTo(fourth);
    assertThat(gap.firstBreak().reason()).isEqualTo(ChainReport.Reason.GAP);

    jdbc.sql("truncate audit_entry, audit_chain_head").update();
    for (int i = 0; i < 4; i++) {
      record(i, null);
    }
    UUID third = entryAt(3);
    jdbc.sql("delete from audit_entry where chain_seq = 4").update();
    ChainReport tail = chain.verify();
    assertThat(tail.firstBreak().entryId()).isEqualTo(third);
    assertThat(tail.firstBreak().reason()).isEqualTo(ChainReport.Reason.TRUNCATED);
  }

  @Test
  void aRewrittenEntryWithARecomputedHashBreaksTheNextLink() {
    for (int i = 0; i < 4; i++) {
      record(i, null);
    }
    UUID third = entryAt(3);
    jdbc.sql("update audit_entry set hash = repeat('a', 64) where chain_seq = 2").update();
    ChainReport r = chain.verify();
    // The second entry's own hash no longer matches; that is where the chain breaks.
    assertThat(r.firstBreak().seq()).isEqualTo(2);
    jdbc.sql("update audit_entry set prev_hash = repeat('b', 64) where id = :id")
        .param("id", third)
        .update();
    assertThat(chain.verify().firstBreak().seq()).isEqualTo(2);
  }

  @Test
  void concurrentWritersKeepOneChain() throws Exception {
    var pool = Executors.newFixedThreadPool(6);
    try {
      List<Callable<Void>> writers = new ArrayList<>();
      for (int t = 0; t < 6; t++) {
        int n = t;
        writers.add(
            () -> {
              for (int i = 0; i < 15; i++) {
                record(i, "w" + n);
              }
              return null;
            });
      }
      for (Future<Void> f : pool.invokeAll(writers)) {
        f.get();
      }
    } finally {
      pool.shutdown();
    }
    ChainReport r = chain.verify();
    assertThat(r.intact()).isTrue();
    assertThat(r.checked()).isEqualTo(90);
    assertThat(
            jdbc.sql("select count(distinct chain_seq), max(chain_seq) from audit_entry")
                .query((rs, i) -> List.of(rs.getLong(1), rs.getLong(2)))
                .single())
        .containsExactly(90L, 90L);
  }

  @Test
  void onlyPlatformAdministratorsVerify() {
    var web = new WebSession(baseUrl()).signIn(organiser.email(), Fixtures.PASSWORD);
    assertThat(web.get("/admin/audit/verify").statusCode()).isEqualTo(403);
  }
}
