package org.lectern.notification;

import java.time.Instant;

/**
 * An address that mail of one organisation cannot reach, and why: the receiving server refused it
 * for good (an SMTP 5xx reply), it came back later as undeliverable (a delivery status
 * notification), or its holder reported the mail as unwanted (a complaint). Later mail of that
 * organisation to it is held until an organiser clears the mark.
 *
 * @param smtpCode the reply code (e.g. 550), 0 when the report carried none
 * @param detail the enhanced status code or feedback type (e.g. {@code 5.1.1}, {@code abuse});
 *     never the server's words, which quote the address
 */
public record Undeliverable(Reason reason, int smtpCode, String detail, Instant since) {

  /** Why mail does not reach the address. */
  public enum Reason {
    REFUSED,
    BOUNCED,
    COMPLAINED
  }
}
