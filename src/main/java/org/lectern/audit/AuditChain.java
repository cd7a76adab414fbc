package org.lectern.audit;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.lectern.shared.database.AdvisoryLocks;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Links audit entries into one hash chain and verifies it. Entries are written unlinked in their
 * business transaction (so an audited action never waits for another's commit and cannot deadlock
 * on the chain); right after that commits, and every minute as a fallback, {@link #link()} appends
 * every committed unlinked entry to the chain, in order of time, under a PostgreSQL advisory lock
 * so that several nodes keep one chain.
 */
@Service
public class AuditChain {

  /** The advisory lock key of the chain (an arbitrary constant, unique in Lectern). */
  static final long LOCK = 0x4c45_4354_4155_4431L;

  private static final int BATCH = 1000;

  private final JdbcClient jdbc;
  private final TransactionTemplate newTransaction;
  private final Clock clock;

  AuditChain(JdbcClient jdbc, PlatformTransactionManager transactions, Clock clock) {
    this.jdbc = jdbc;
    this.newTransaction = new TransactionTemplate(transactions);
    this.newTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    this.clock = clock;
  }

  /** Appends the committed unlinked entries to the chain; returns how many it linked. */
  public int link() {
    Integer n = newTransaction.execute(status -> linkLocked());
    return n == null ? 0 : n;
  }

  private int linkLocked() {
    AdvisoryLocks.untilCommit(jdbc, LOCK);
    Head head = head();
    int total = 0;
    while (true) {
      final long start = head.seq();
      List<ChainLink> batch = new ArrayList<>();
      jdbc.sql(
              "select "
                  + ChainLink.COLUMNS
                  + " from audit_entry where chain_seq is null order by at, id limit :l")
          .param("l", BATCH)
          .query(
              (ResultSet rs) -> {
                batch.add(ChainLink.of(rs, start + batch.size() + 1));
              });
      if (batch.isEmpty()) {
        break;
      }
      String previous = head.hash();
      for (ChainLink link : batch) {
        String hash = link.hash(previous);
        jdbc.sql("update audit_entry set chain_seq = :s, prev_hash = :p, hash = :h where id = :id")
            .param("s", link.seq())
            .param("p", previous)
            .param("h", hash)
            .param("id", link.id())
            .update();
        previous = hash;
      }
      head = new Head(start + batch.size(), previous);
      total += batch.size();
    }
    if (total > 0) {
      jdbc.sql(
              """
              insert into audit_chain_head (id, chain_seq, hash) values (1, :s, :h)
              on conflict (id) do update set chain_seq = excluded.chain_seq, hash = excluded.hash
              """)
          .param("s", head.seq())
          .param("h", head.hash())
          .update();
    }
    return total;
  }

  private Head head() {
    return jdbc.sql("select chain_seq, hash from audit_chain_head where id = 1")
        .query((rs, i) -> new Head(rs.getLong(1), rs.getString(2)))
        .optional()
        .orElse(new Head(0, ChainLink.GENESIS));
  }

  /**
   * Links what is pending, then walks the chain from the first entry to the head and reports the
   * first entry that does not fit.
   */
  public ChainReport verify() {
    link();
    Head head = head();
    Walk walk = new Walk();
    while (walk.brk == null && walk.seq < head.seq()) {
      int before = walk.checked;
      jdbc.sql(
              "select "
                  + ChainLink.COLUMNS
                  + ", chain_seq, prev_hash, hash from audit_entry"
                  + " where chain_seq > :after and chain_seq <= :head order by chain_seq limit :l")
          .param("after", walk.seq)
          .param("head", head.seq())
          .param("l", BATCH)
          .query((ResultSet rs) -> walk.check(rs));
      if (walk.checked == before) {
        break;
      }
    }
    if (walk.brk == null && walk.seq != head.seq()) {
      walk.brk =
          new ChainReport.Break(walk.seq, walk.lastId, walk.lastAt, ChainReport.Reason.TRUNCATED);
    }
    long unchained =
        jdbc.sql("select count(*) from audit_entry where chain_seq is null")
            .query(Long.class)
            .single();
    return new ChainReport(walk.checked, head.hash(), walk.brk, unchained, clock.instant());
  }

  private record Head(long seq, String hash) {}

  /** The state of a walk along the chain. */
  private static final class Walk {
    long seq;
    String hash = ChainLink.GENESIS;
    int checked;
    UUID lastId;
    Instant lastAt;
    ChainReport.Break brk;

    void check(ResultSet rs) throws SQLException {
      if (brk != null) {
        return;
      }
      long s = rs.getLong("chain_seq");
      ChainLink link = ChainLink.of(rs, s);
      Instant at = rs.getTimestamp("at").toInstant();
      ChainReport.Reason reason = null;
      if (s != seq + 1) {
        reason = ChainReport.Reason.GAP;
      } else if (!hash.equals(rs.getString("prev_hash"))) {
        reason = ChainReport.Reason.RELINKED;
      } else if (!link.hash(hash).equals(rs.getString("hash"))) {
        reason = ChainReport.Reason.CHANGED;
      }
      checked++;
      seq = s;
      hash = rs.getString("hash");
      lastId = link.id();
      lastAt = at;
      if (reason != null) {
        brk = new ChainReport.Break(s, link.id(), at, reason);
      }
    }
  }
}
