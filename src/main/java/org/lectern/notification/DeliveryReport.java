package org.lectern.notification;

import jakarta.mail.BodyPart;
import jakarta.mail.Header;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a returned mail says: a delivery status notification (RFC 3464, {@code multipart/report;
 * report-type=delivery-status}) that a message could not be delivered, or a complaint (ARF, RFC
 * 5965, {@code message/feedback-report}). Anything else — an out-of-office reply, a delay notice —
 * is {@link Kind#OTHER} and changes nothing.
 *
 * @param status the enhanced status code (e.g. {@code 5.1.1}) or the feedback type ({@code abuse})
 * @param smtpCode the reply code from the diagnostic, 0 when none
 * @param searchable the headers and returned headers, where the token of the original is looked for
 */
record DeliveryReport(Kind kind, String status, int smtpCode, String searchable) {

  /** What the report means for the original message. */
  enum Kind {
    FAILED,
    COMPLAINT,
    OTHER
  }

  /** Reports larger than this are not read (they are not reports). */
  static final int MAX_BYTES = 512 * 1024;

  private static final Pattern REPLY = Pattern.compile("\\b([245]\\d\\d)\\b");
  private static final Pattern ENHANCED = Pattern.compile("\\b([245]\\.\\d{1,3}\\.\\d{1,3})\\b");

  static DeliveryReport read(Part message) throws MessagingException, IOException {
    StringBuilder searchable = new StringBuilder();
    headers(message, searchable);
    List<Part> parts = new ArrayList<>();
    flatten(message, parts, 0);
    Kind kind = Kind.OTHER;
    String status = null;
    int code = 0;
    for (Part p : parts) {
      String type = type(p);
      if (type.equals("message/delivery-status")) {
        Fields f = Fields.parse(text(p));
        if (f.failed()) {
          kind = Kind.FAILED;
          status = f.status();
          code = f.replyCode();
        }
      } else if (type.equals("message/feedback-report")) {
        Fields f = Fields.parse(text(p));
        kind = Kind.COMPLAINT;
        status = f.value("feedback-type", "abuse").toLowerCase(Locale.ROOT);
      } else if (type.equals("text/rfc822-headers")
          || type.equals("message/rfc822")
          || type.equals("message/rfc822-headers")) {
        searchable.append('\n').append(text(p));
        // Over IMAP, a returned message's stream may hold its body only: add its headers.
        if (type.equals("message/rfc822") && p.getContent() instanceof Part returned) {
          headers(returned, searchable);
        }
      }
    }
    return new DeliveryReport(kind, status, code, searchable.toString());
  }

  private static void headers(Part part, StringBuilder out) throws MessagingException {
    Enumeration<Header> all = part.getAllHeaders();
    while (all.hasMoreElements()) {
      Header h = all.nextElement();
      out.append(h.getName()).append(": ").append(h.getValue()).append('\n');
    }
  }

  private static void flatten(Part part, List<Part> out, int depth)
      throws MessagingException, IOException {
    if (depth > 5 || out.size() > 50) {
      return;
    }
    if (part.isMimeType("multipart/*") && part.getContent() instanceof Multipart m) {
      for (int i = 0; i < m.getCount(); i++) {
        BodyPart child = m.getBodyPart(i);
        flatten(child, out, depth + 1);
      }
    } else {
      out.add(part);
    }
  }

  private static String type(Part p) throws MessagingException {
    String t = p.getContentType();
    if (t == null) {
      return "";
    }
    int semi = t.indexOf(';');
    return (semi < 0 ? t : t.substring(0, semi)).strip().toLowerCase(Locale.ROOT);
  }

  /** The part as text, whatever Jakarta Mail makes of its type; at most {@link #MAX_BYTES}. */
  private static String text(Part p) throws MessagingException, IOException {
    try (InputStream in = p.getInputStream()) {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      byte[] buffer = new byte[8192];
      int n;
      while ((n = in.read(buffer)) > 0 && out.size() < MAX_BYTES) {
        out.write(buffer, 0, n);
      }
      return out.toString(StandardCharsets.UTF_8);
    }
  }

  /** The "Name: value" fields of a report, every group (per message and per recipient) merged. */
  record Fields(List<String[]> pairs) {

    static Fields parse(String text) {
      List<String[]> pairs = new ArrayList<>();
      for (String raw : text.replace("\r", "").split("\n")) {
        if (raw.isBlank()) {
          continue;
        }
        if ((raw.startsWith(" ") || raw.startsWith("\t")) && !pairs.isEmpty()) {
          String[] last = pairs.get(pairs.size() - 1);
          last[1] = last[1] + " " + raw.strip();
          continue;
        }
        int colon = raw.indexOf(':');
        if (colon > 0) {
          pairs.add(
              new String[] {
                raw.substring(0, colon).strip().toLowerCase(Locale.ROOT),
                raw.substring(colon + 1).strip()
              });
        }
      }
      return new Fields(pairs);
    }

    String value(String name, String otherwise) {
      for (String[] p : pairs) {
        if (p[0].equals(name)) {
          return p[1];
        }
      }
      return otherwise;
    }

    /** Some recipient failed for good: "Action: failed", or a 5.x.x status. */
    boolean failed() {
      for (String[] p : pairs) {
        if (p[0].equals("action") && p[1].toLowerCase(Locale.ROOT).startsWith("failed")) {
          return true;
        }
      }
      String s = status();
      return s != null && s.startsWith("5.");
    }

    String status() {
      Matcher m = ENHANCED.matcher(value("status", ""));
      return m.find() ? m.group(1) : null;
    }

    int replyCode() {
      String diagnostic = value("diagnostic-code", "");
      int semi = diagnostic.indexOf(';');
      Matcher m = REPLY.matcher(semi < 0 ? diagnostic : diagnostic.substring(semi + 1));
      return m.find() ? Integer.parseInt(m.group(1)) : 0;
    }
  }
}
