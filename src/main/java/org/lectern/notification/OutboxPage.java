package org.lectern.notification;

import java.util.List;

/** The administrators' view of the outbox (decrypted; every view is audited). */
public record OutboxPage(
    boolean sending, int total, int offset, int limit, String zone, List<Row> rows) {

  /** One message as shown. */
  public record Row(
      String id,
      String kind,
      String kindName,
      String to,
      String language,
      String subject,
      String text, // null: a credential mail, whose body is never shown
      String status,
      int attempts,
      String created,
      String sent,
      String lastError,
      List<String> attachments) {}
}
