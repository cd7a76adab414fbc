package org.lectern.notification;

/** Where an outbox message stands: waiting (possibly for a retry), delivered, or given up. */
public enum MailStatus {
  PENDING,
  SENT,
  FAILED
}
