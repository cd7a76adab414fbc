package org.lectern.audit;

import java.time.Instant;
import java.util.UUID;

/**
 * The outcome of walking the audit chain: how many entries were checked, the head's hash (worth
 * writing down outside the server: a later verification that ends on another hash for the same
 * count means rewritten history), and the first entry where the chain breaks, if any.
 */
public record ChainReport(
    long checked, String headHash, Break firstBreak, long unchained, Instant verifiedAt) {

  /** Why an entry breaks the chain; each has a message key {@code audit.verify.reason.<code>}. */
  public enum Reason {
    /** Its fields no longer produce its stored hash. */
    CHANGED("changed"),
    /** It does not name the hash of the entry before it. */
    RELINKED("relinked"),
    /** Entries before it are missing. */
    GAP("gap"),
    /** Entries after it, which the head counts, are missing. */
    TRUNCATED("truncated");

    private final String code;

    Reason(String code) {
      this.code = code;
    }

    public String messageKey() {
      return "audit.verify.reason." + code;
    }
  }

  /** The first entry that does not fit, with its sequence number and time. */
  public record Break(long seq, UUID entryId, Instant at, Reason reason) {}

  public boolean intact() {
    return firstBreak == null;
  }
}
