package org.lectern.notification;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;

/**
 * A message's body written straight into one buffer (issue 16, ninth pass): the text parts encoded
 * as Jakarta Mail encodes them — the same choice of transfer encoding ({@code MimeUtility
 * .getEncoding}: 7bit when every byte is ASCII and no line is longer than 998, quoted-printable
 * when most bytes are, base64 otherwise), quoted-printable as its {@code QPEncoderStream} writes it
 * (lines of at most 76 characters, CRLF hard breaks, trailing white space and '=' encoded), base64
 * in lines of 76 — without a body part, data handler or encoder stream per part.
 *
 * <p>Lines are not dot-stuffed here: the SMTP transport's stream does that as the bytes go out.
 */
final class MimeBytes {

  static final String SEVEN_BIT = "7bit";
  static final String QUOTED_PRINTABLE = "quoted-printable";
  static final String BASE64 = "base64";

  private static final byte[] HEX = "0123456789ABCDEF".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] CRLF = {'\r', '\n'};
  private static final Base64.Encoder MIME_BASE64 = Base64.getMimeEncoder();

  /** Characters on a quoted-printable line before its soft break ("=" makes 76). */
  private static final int QP_LINE = 75;

  private byte[] buf;
  private int len;

  MimeBytes(int capacity) {
    buf = new byte[Math.max(capacity, 64)];
  }

  int length() {
    return len;
  }

  byte[] toByteArray() {
    return Arrays.copyOf(buf, len);
  }

  private void room(int more) {
    if (len + more > buf.length) {
      buf = Arrays.copyOf(buf, Math.max(buf.length * 2, len + more));
    }
  }

  /** ASCII text (headers, boundaries) as it is. */
  MimeBytes ascii(String s) {
    int n = s.length();
    room(n);
    for (int i = 0; i < n; i++) {
      buf[len++] = (byte) s.charAt(i);
    }
    return this;
  }

  MimeBytes bytes(byte[] b) {
    room(b.length);
    System.arraycopy(b, 0, buf, len, b.length);
    len += b.length;
    return this;
  }

  MimeBytes crlf() {
    return bytes(CRLF);
  }

  /** One header line: name, value (already encoded and folded), CRLF. */
  MimeBytes header(String name, String value) {
    return ascii(name).ascii(": ").ascii(value).crlf();
  }

  /** The transfer encoding Jakarta Mail chooses for a text part with these bytes. */
  static String encodingOf(byte[] text) {
    int ascii = 0;
    int nonAscii = 0;
    int line = 0;
    boolean longLine = false;
    for (byte x : text) {
      int b = x & 0xff;
      if (b == '\r' || b == '\n') {
        line = 0;
      } else if (++line > 998) {
        longLine = true;
      }
      if (b >= 0177 || (b < 040 && b != '\r' && b != '\n' && b != '\t')) {
        nonAscii++;
      } else {
        ascii++;
      }
    }
    if (nonAscii == 0) {
      return longLine ? QUOTED_PRINTABLE : SEVEN_BIT;
    }
    return ascii > nonAscii ? QUOTED_PRINTABLE : BASE64;
  }

  /** The content in this transfer encoding. */
  MimeBytes encoded(byte[] content, String encoding) {
    switch (encoding) {
      case SEVEN_BIT -> bytes(content);
      case QUOTED_PRINTABLE -> quotedPrintable(content);
      case BASE64 -> bytes(MIME_BASE64.encode(content));
      default -> throw new IllegalArgumentException(encoding);
    }
    return this;
  }

  /** Quoted-printable as Jakarta Mail's {@code QPEncoderStream} writes text (76 per line). */
  private void quotedPrintable(byte[] content) {
    // At most three characters a byte, and a soft break (three) per 73 characters or more.
    room(content.length * 4 + 16);
    int count = 0;
    boolean space = false;
    boolean cr = false;
    for (byte x : content) {
      int c = x & 0xff;
      if (space) {
        count = qp(' ', c == '\r' || c == '\n', count);
        space = false;
      }
      if (c == '\r') {
        cr = true;
        buf[len++] = '\r';
        buf[len++] = '\n';
        count = 0;
      } else {
        if (c == '\n') {
          if (!cr) {
            buf[len++] = '\r';
            buf[len++] = '\n';
            count = 0;
          }
        } else if (c == ' ') {
          space = true;
        } else {
          count = qp(c, c < 040 || c >= 0177 || c == '=', count);
        }
        cr = false;
      }
    }
    if (space) {
      qp(' ', true, count);
    }
  }

  private int qp(int c, boolean encode, int count) {
    if (encode) {
      if ((count += 3) > QP_LINE) {
        buf[len++] = '=';
        buf[len++] = '\r';
        buf[len++] = '\n';
        count = 3;
      }
      buf[len++] = '=';
      buf[len++] = HEX[c >> 4];
      buf[len++] = HEX[c & 0xf];
    } else {
      if (++count > QP_LINE) {
        buf[len++] = '=';
        buf[len++] = '\r';
        buf[len++] = '\n';
        count = 1;
      }
      buf[len++] = (byte) c;
    }
    return count;
  }
}
