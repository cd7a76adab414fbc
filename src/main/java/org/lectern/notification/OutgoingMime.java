package org.lectern.notification;

import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MailDateFormat;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeUtility;
import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/**
 * Builds an outbox message's MIME message: sender, headers, parts (split from {@link OutboxSender},
 * which claims, paces and sends).
 *
 * <p>Written as bytes (issue 16, ninth pass): what is alike for a batch — the date, the senders
 * parsed and encoded, the subjects' encoded words, the boundaries' prefix, the shared files' parts
 * — is made once per {@link Batch}; each message's body is written straight into one buffer ({@link
 * MimeBytes}) in the structure {@code MimeMessageHelper} gives it (mixed: related: alternative:
 * text and HTML; then the files), and goes out as those bytes ({@link WrittenMime}).
 */
final class OutgoingMime {

  static final String TEXT = "text/plain; charset=UTF-8";
  static final String HTML = "text/html;charset=UTF-8";

  private final ReturnPath returnPath;
  private final String from;
  private final String neutralFrom;

  OutgoingMime(ReturnPath returnPath, String from, String neutralFrom) {
    this.returnPath = returnPath;
    this.from = from;
    this.neutralFrom = neutralFrom;
  }

  /** A batch of messages sent now through this sender's session. */
  Batch batch(JavaMailSender sender, Instant now) {
    Session session =
        sender instanceof JavaMailSenderImpl impl
            ? impl.getSession()
            : sender.createMimeMessage().getSession();
    return new Batch(session, now);
  }

  /** The messages of one batch, and what they have alike. */
  final class Batch {

    private final Session session;
    private final String date;
    private final String boundaries;
    private int messages;
    private final Map<String, String> subjects = new HashMap<>();
    private final Map<String, InternetAddress> senders = new HashMap<>();
    private final Map<String, String> fromHeaders = new HashMap<>();
    // The files the batch's mails share (a programme's calendar), each encoded once.
    private final Map<MailAttachment, byte[]> encoded = new IdentityHashMap<>();

    private Batch(Session session, Instant now) {
      this.session = session;
      this.date = new MailDateFormat().format(Date.from(now));
      this.boundaries =
          "----=_Part_" + Long.toHexString(ThreadLocalRandom.current().nextLong() | 1L << 60) + "_";
    }

    /**
     * The message as it goes out. No header names the product or refers to Lectern: neutral mails
     * come from the neutral sender; the outbox row is found by its id in the database, not by a
     * header.
     */
    MimeMessage mime(OutboxMessage m) throws MessagingException {
      OutgoingMail mail = m.mail();
      InternetAddress sender = sender(mail);
      String token = returnPath.token(m.id());
      InternetAddress[] to = recipient(mail.to());
      String subject =
          subjects.computeIfAbsent(
              Objects.requireNonNull(mail.subject(), "subject"), OutgoingMime::encodedSubject);
      String messageId = returnPath.messageIdOf(token, sender.getAddress());
      String n = Integer.toString(messages++);
      String mixed = boundaries + n + ".0";
      WrittenMime mime =
          new WrittenMime(session, messageId, to, mail.subject(), body(mail, mixed, n));
      String envelope = returnPath.envelopeFromOf(token);
      if (envelope != null) {
        mime.setEnvelopeFrom(envelope);
      }
      // Delivery status notifications should quote headers only, never the message (RFC 3461).
      mime.setNotifyOptions(OutboxMimeMessage.NOTIFY_FAILURE);
      mime.setReturnOption(OutboxMimeMessage.RETURN_HDRS);
      mime.setHeader("Date", date);
      mime.setHeader("From", fromHeaders.get(key(mail)));
      mime.setHeader("To", InternetAddress.toString(to, 4));
      mime.setHeader("Message-ID", messageId);
      mime.setHeader("Subject", subject);
      mime.setHeader("MIME-Version", "1.0");
      mime.setHeader("Content-Type", "multipart/mixed; \r\n\tboundary=\"" + mixed + "\"");
      mime.setHeader("Content-Language", mail.language());
      if (mail.unsubscribeUrl() != null) {
        // RFC 2369 and RFC 8058: mail providers offer "unsubscribe" and post to it in one click.
        mime.setHeader("List-Unsubscribe", "<" + mail.unsubscribeUrl() + ">");
        mime.setHeader("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
      }
      return mime;
    }

    /** mixed( related( alternative(text, HTML) or text ), files... ). */
    private byte[] body(OutgoingMail mail, String mixed, String n) throws MessagingException {
      String text = Objects.requireNonNull(mail.text(), "text");
      String html = mail.html();
      byte[][] files = new byte[mail.attachments().size()][];
      int size = 3 * (text.length() + (html == null ? 0 : html.length())) + 1024;
      for (int i = 0; i < files.length; i++) {
        MailAttachment a = mail.attachments().get(i);
        byte[] part = a.sharedId() == null ? null : encoded.get(a);
        if (part == null) {
          part = MailParts.encodedAttachment(session, a);
          if (a.sharedId() != null) {
            encoded.put(a, part);
          }
        }
        files[i] = part;
        size += part.length + 100;
      }
      String related = boundaries + n + ".1";
      MimeBytes b = new MimeBytes(size);
      b.ascii("--").ascii(mixed).crlf();
      b.header("Content-Type", "multipart/related; \r\n\tboundary=\"" + related + "\"").crlf();
      b.ascii("--").ascii(related).crlf();
      if (html == null) {
        text(b, text, TEXT);
      } else {
        String alternative = boundaries + n + ".2";
        b.header("Content-Type", "multipart/alternative; \r\n\tboundary=\"" + alternative + "\"");
        b.crlf().ascii("--").ascii(alternative).crlf();
        text(b, text, TEXT);
        b.crlf().ascii("--").ascii(alternative).crlf();
        text(b, html, HTML);
        b.crlf().ascii("--").ascii(alternative).ascii("--").crlf();
      }
      b.crlf().ascii("--").ascii(related).ascii("--").crlf();
      for (byte[] file : files) {
        b.crlf().ascii("--").ascii(mixed).crlf().bytes(file);
      }
      b.crlf().ascii("--").ascii(mixed).ascii("--").crlf();
      return b.toByteArray();
    }

    /** A text part: its type, its transfer encoding (as Jakarta Mail chooses it), its content. */
    private void text(MimeBytes b, String text, String type) {
      byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
      String encoding = MimeBytes.encodingOf(bytes);
      if (encoding.equals(MimeBytes.SEVEN_BIT) && text.contains(boundaries)) {
        encoding = MimeBytes.BASE64; // never a line that reads as a boundary
      }
      b.header("Content-Type", type).header("Content-Transfer-Encoding", encoding).crlf();
      b.encoded(bytes, encoding);
    }

    /**
     * Neutral mails come from the neutral sender; a mail about a programme of an organisation that
     * named its sender goes out under that name at the installation's address; others from {@code
     * lectern.mail.from} as configured. Parsed and encoded once per batch.
     */
    InternetAddress sender(OutgoingMail mail) throws MessagingException {
      String key = key(mail);
      InternetAddress known = senders.get(key);
      if (known != null) {
        return known;
      }
      InternetAddress address;
      if (mail.neutral()) {
        address = new InternetAddress(neutralFrom);
      } else {
        address = new InternetAddress(from);
        if (mail.senderName() != null) {
          try {
            address = new InternetAddress(address.getAddress(), mail.senderName(), "UTF-8");
          } catch (UnsupportedEncodingException e) {
            throw new IllegalStateException(e);
          }
        }
      }
      senders.put(key, address);
      fromHeaders.put(key, InternetAddress.toString(new Address[] {address}, 6));
      return address;
    }

    private static String key(OutgoingMail mail) {
      return mail.neutral() ? "\0neutral" : mail.senderName() == null ? "" : mail.senderName();
    }
  }

  /** As {@code MimeMessageHelper.setTo}: one address, in UTF-8. */
  static InternetAddress[] recipient(String to) throws AddressException {
    InternetAddress[] parsed = InternetAddress.parse(Objects.requireNonNull(to, "to"));
    if (parsed.length != 1) {
      throw new AddressException("Illegal address", to);
    }
    try {
      return new InternetAddress[] {
        new InternetAddress(parsed[0].getAddress(), parsed[0].getPersonal(), "UTF-8")
      };
    } catch (UnsupportedEncodingException e) {
      throw new IllegalStateException(e);
    }
  }

  /** As {@code MimeMessage.setSubject(subject, "UTF-8")}: encoded words, folded. */
  static String encodedSubject(String subject) {
    try {
      return MimeUtility.fold(9, MimeUtility.encodeText(subject, "UTF-8", null));
    } catch (UnsupportedEncodingException e) {
      throw new IllegalStateException(e);
    }
  }
}
