package org.lectern.shared.privacy;

/** Why personal data was removed; certificates tell verifiers which one applies. */
public enum RemovalReason {
  /** The programme's retention period ended. */
  RETENTION,
  /** The person asked for erasure (themselves, or through an organiser). */
  ERASURE,
  /** An administrator purged the programme or organisation. */
  PURGE
}
