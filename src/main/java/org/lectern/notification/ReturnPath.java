package org.lectern.notification;

import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.lectern.shared.crypto.PersonalDataCipher;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Ties a returned mail to the outbox row it came from. Every message carries a token — the row's id
 * and a keyed check of it, so nobody can forge a bounce for a message they did not receive — in its
 * Message-ID and, when a bounce address is configured, in its envelope sender (VERP: {@code
 * bounces+TOKEN@example.org}). Receiving servers return delivery status notifications to the
 * envelope sender and usually quote the original headers, so either place finds the row.
 */
@Component
class ReturnPath {

  private static final Pattern TOKEN = Pattern.compile("(?i)\\bm([0-9a-f]{32})([0-9a-f]{16})\\b");

  private final PersonalDataCipher cipher;
  private final String bounceLocal;
  private final String bounceDomain;

  ReturnPath(
      PersonalDataCipher cipher, @Value("${lectern.mail.bounce-address:}") String bounceAddress) {
    this.cipher = cipher;
    String a = bounceAddress == null ? "" : bounceAddress.strip();
    int at = a.lastIndexOf('@');
    if (at > 0 && at < a.length() - 1) {
      this.bounceLocal = a.substring(0, at);
      this.bounceDomain = a.substring(at + 1);
    } else {
      this.bounceLocal = null;
      this.bounceDomain = null;
    }
  }

  String token(UUID mailId) {
    String id = mailId.toString().replace("-", "");
    return "m" + id + check(id);
  }

  private String check(String hexId) {
    return cipher.blindIndex(hexId, "mail.returnPath").substring(0, 16);
  }

  /** The envelope sender for this message, or null to use the configured sender. */
  String envelopeFrom(UUID mailId) {
    return bounceLocal == null ? null : envelopeFromOf(token(mailId));
  }

  /** The envelope sender for the message with this {@link #token}, or null. */
  String envelopeFromOf(String token) {
    return bounceLocal == null ? null : bounceLocal + "+" + token + "@" + bounceDomain;
  }

  /** A Message-ID in the sender's domain that carries the token and names no product. */
  String messageId(UUID mailId, String fromAddress) {
    return messageIdOf(token(mailId), fromAddress);
  }

  /** The Message-ID of the message with this {@link #token}, in the sender's domain. */
  String messageIdOf(String token, String fromAddress) {
    int at = fromAddress == null ? -1 : fromAddress.lastIndexOf('@');
    String domain = at < 0 ? "localhost" : fromAddress.substring(at + 1);
    return "<" + token + "@" + domain + ">";
  }

  /** The outbox row named by the first genuine token in this text. */
  Optional<UUID> find(String text) {
    if (text == null) {
      return Optional.empty();
    }
    Matcher m = TOKEN.matcher(text);
    while (m.find()) {
      String hex = m.group(1).toLowerCase(java.util.Locale.ROOT);
      if (check(hex).equalsIgnoreCase(m.group(2))) {
        return Optional.of(
            UUID.fromString(
                hex.replaceFirst(
                    "(\\p{XDigit}{8})(\\p{XDigit}{4})(\\p{XDigit}{4})(\\p{XDigit}{4})(\\p{XDigit}+)",
                    "$1-$2-$3-$4-$5")));
      }
    }
    return Optional.empty();
  }
}
