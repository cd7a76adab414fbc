package org.lectern.notification;

import gg.jte.html.escape.Escape;
import gg.jte.output.StringOutput;

/**
 * A mail's words laid out with the greeting left open (issue 16, tenth pass): the subject, and the
 * text and the HTML split where the greeting goes. The mails of a batch that differ only in the
 * greeting share one, stored once ({@link SharedBodies}); each mail keeps only its greeting, and
 * its text and HTML are made from the two when it is read ({@link #text}, {@link #html}) — byte for
 * byte what laying the mail out whole gives ({@link MailRenderer.Skeleton}, {@code MailBodyTest}).
 */
record MailBody(
    String subject, String textBefore, String textAfter, String htmlBefore, String htmlAfter) {

  /** What a body whose programme key was destroyed reads as: nothing. */
  static final MailBody SHREDDED = new MailBody("", "", "", "", "");

  String text(String greeting) {
    return textBefore + greeting + textAfter;
  }

  /** The greeting escaped as the template escapes it (HTML content). */
  String html(String greeting) {
    StringOutput out = new StringOutput(htmlBefore.length() + htmlAfter.length() + 64);
    out.writeContent(htmlBefore);
    Escape.htmlContent(greeting, out);
    out.writeContent(htmlAfter);
    return out.toString();
  }

  /** One string of the five parts, each after its length (what is sealed and stored). */
  String encode() {
    StringBuilder b =
        new StringBuilder(
            subject.length()
                + textBefore.length()
                + textAfter.length()
                + htmlBefore.length()
                + htmlAfter.length()
                + 40);
    for (String part : new String[] {subject, textBefore, textAfter, htmlBefore, htmlAfter}) {
      b.append(part.length()).append(':').append(part);
    }
    return b.toString();
  }

  /**
   * The body {@link #encode} wrote; the empty string (a shredded body) reads as {@link #SHREDDED}.
   */
  static MailBody decode(String encoded) {
    if (encoded == null || encoded.isEmpty()) {
      return SHREDDED;
    }
    String[] parts = new String[5];
    int at = 0;
    for (int i = 0; i < parts.length; i++) {
      int colon = encoded.indexOf(':', at);
      if (colon < 0) {
        throw new IllegalArgumentException("not a stored mail body");
      }
      int length = Integer.parseInt(encoded, at, colon, 10);
      parts[i] = encoded.substring(colon + 1, colon + 1 + length);
      at = colon + 1 + length;
    }
    if (at != encoded.length()) {
      throw new IllegalArgumentException("not a stored mail body");
    }
    return new MailBody(parts[0], parts[1], parts[2], parts[3], parts[4]);
  }
}
