package org.lectern.notification;

/** A file sent with an e-mail, such as the calendar entries of a programme. */
public record MailAttachment(String filename, String contentType, byte[] content) {

  public static final String CALENDAR = "text/calendar; charset=UTF-8; method=PUBLISH";
}
