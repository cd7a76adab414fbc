package org.lectern.admin;

/**
 * The audit chain's verification as shown: counts, head, and where the chain breaks (empty when
 * intact).
 */
public record AuditVerifyPage(
    boolean intact,
    String checked,
    String unchained,
    String headHash,
    String verifiedAt,
    String breakSeq,
    String breakEntry,
    String breakAt,
    String breakReason,
    String zone) {}
