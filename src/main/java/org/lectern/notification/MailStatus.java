package org.lectern.notification;

/**
 * Where an outbox message stands: waiting (possibly for a retry), delivered, given up, held (its
 * address is known to be undeliverable for the organisation), or returned after delivery (a
 * delivery status notification or a complaint came back).
 */
public enum MailStatus {
  PENDING,
  SENT,
  FAILED,
  HELD,
  BOUNCED
}
