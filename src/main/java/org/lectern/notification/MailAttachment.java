package org.lectern.notification;

import java.util.UUID;

/**
 * A file sent with an e-mail, such as the calendar entries of a programme.
 *
 * @param sharedId the stored file many mails refer to (a programme's calendar in one language,
 *     {@link MailFiles}), or null for a file stored with its one mail
 */
public record MailAttachment(String filename, String contentType, byte[] content, UUID sharedId) {

  public static final String CALENDAR = "text/calendar; charset=UTF-8; method=PUBLISH";

  /** A file stored with its one mail. */
  public MailAttachment(String filename, String contentType, byte[] content) {
    this(filename, contentType, content, null);
  }

  /** The same file, as the stored one that {@code id} names. */
  MailAttachment sharedAs(UUID id) {
    return new MailAttachment(filename, contentType, content, id);
  }
}
