package org.lectern.notification;

import java.util.List;
import java.util.UUID;

/**
 * The organisers' view of a programme's mail: counts by kind and state, and the addresses that do
 * not receive it (decrypted: every view is audited).
 */
public record DeliveryPage(
    UUID programmeId,
    String title,
    boolean sending,
    boolean readsBounces,
    List<KindRow> kinds,
    KindRow totals,
    List<AddressRow> addresses,
    String notice) {

  /** One kind of mail; {@code kind} is its message key. */
  public record KindRow(
      String kind, int queued, int deferred, int sent, int failed, int bounced, int held) {}

  /**
   * One address: the reason as a message key (null when no mark, e.g. it failed for a temporary
   * reason too often), the SMTP code and enhanced status.
   */
  public record AddressRow(
      String address,
      String mailId,
      int messages,
      String status,
      String reason,
      String code,
      String since) {}
}
