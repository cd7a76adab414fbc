package org.lectern.audit;

import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.UUID;
import org.lectern.shared.crypto.Sha256;

/**
 * One audit entry as the chain sees it: its stored fields, in a fixed order, encoded without
 * ambiguity (each value length-prefixed, null distinct from empty), followed by the previous
 * entry's hash. The hash is SHA-256 of that encoding in lower-case hex. Time counts in microseconds
 * since the epoch, the precision PostgreSQL keeps.
 */
record ChainLink(
    long seq,
    UUID id,
    long atMicros,
    UUID actorId,
    String actorLabel,
    String action,
    UUID organisationId,
    UUID programmeId,
    String subjectType,
    String subjectId,
    Integer count,
    String details) {

  /** The hash before the first entry. */
  static final String GENESIS = "0".repeat(64);

  static final String COLUMNS =
      "id, at, actor_id, actor_label, action, organisation_id, programme_id, subject_type,"
          + " subject_id, count, details";

  static long micros(Instant at) {
    return Math.addExact(Math.multiplyExact(at.getEpochSecond(), 1_000_000L), at.getNano() / 1000);
  }

  /** Reads {@link #COLUMNS} from a row; the sequence number is the one it has or will get. */
  static ChainLink of(ResultSet rs, long seq) throws SQLException {
    return new ChainLink(
        seq,
        rs.getObject("id", UUID.class),
        micros(rs.getTimestamp("at").toInstant()),
        rs.getObject("actor_id", UUID.class),
        rs.getString("actor_label"),
        rs.getString("action"),
        rs.getObject("organisation_id", UUID.class),
        rs.getObject("programme_id", UUID.class),
        rs.getString("subject_type"),
        rs.getString("subject_id"),
        (Integer) rs.getObject("count"),
        rs.getString("details"));
  }

  String canonical(String previousHash) {
    StringBuilder b = new StringBuilder("lectern-audit-v1");
    for (Object field :
        new Object[] {
          seq,
          id,
          atMicros,
          actorId,
          actorLabel,
          action,
          organisationId,
          programmeId,
          subjectType,
          subjectId,
          count,
          details,
          previousHash
        }) {
      if (field == null) {
        b.append("|-");
      } else {
        String s = field.toString();
        b.append("|+").append(s.getBytes(StandardCharsets.UTF_8).length).append(':').append(s);
      }
    }
    return b.toString();
  }

  String hash(String previousHash) {
    return Sha256.hex(canonical(previousHash));
  }
}
