package org.lectern.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * The digest that finds a stored shared file: the file's content, not the moment it was written.
 */
class MailFilesTest {

  static MailAttachment calendar(String stamp, String start) {
    String ics =
        "BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nDTSTAMP:"
            + stamp
            + "\r\nDTSTART:"
            + start
            + "\r\nUID:a@lectern\r\nDTSTAMP:20310101T000000Z\r\nLAST-MODIFIED:20310101T000000Z\r\n"
            + "SEQUENCE:3\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n";
    return new MailAttachment(
        "fair-trial.ics", MailAttachment.CALENDAR, ics.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void calendarsWrittenAtDifferentMomentsHaveOneDigest() {
    assertThat(MailFiles.digest(calendar("20261205T201500Z", "20310209T040000Z")))
        .isEqualTo(MailFiles.digest(calendar("20261205T201559Z", "20310209T040000Z")));
  }

  @Test
  void anotherSessionTimeOrFileGivesAnotherDigest() {
    String first = MailFiles.digest(calendar("20261205T201500Z", "20310209T040000Z"));
    assertThat(MailFiles.digest(calendar("20261205T201500Z", "20310210T050000Z")))
        .isNotEqualTo(first);
    MailAttachment c = calendar("20261205T201500Z", "20310209T040000Z");
    assertThat(MailFiles.digest(new MailAttachment("training.ics", c.contentType(), c.content())))
        .isNotEqualTo(first);
    byte[] other = "%PDF-1.7 DTSTAMP:1\n".getBytes(StandardCharsets.UTF_8);
    assertThat(MailFiles.digest(new MailAttachment("a.pdf", "application/pdf", other)))
        .isNotEqualTo(
            MailFiles.digest(
                new MailAttachment(
                    "a.pdf", "application/pdf", "%PDF-1.7 \n".getBytes(StandardCharsets.UTF_8))));
  }
}
