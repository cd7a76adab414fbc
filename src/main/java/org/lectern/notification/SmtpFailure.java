package org.lectern.notification;

import jakarta.mail.MessagingException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.mail.MailSendException;

/**
 * What a failed delivery means. A permanent refusal (an SMTP 5xx reply: no such mailbox, rejected
 * as spam) is not retried — retrying would only make the sender look like a spammer; a temporary
 * one (4xx, a dropped connection, a server that does not answer) is retried with back-off.
 *
 * @param permanent the server refused for good
 * @param code the SMTP reply code, 0 when none was received
 * @param description exception types and code only: servers' messages may quote the recipient
 * @param enhancedStatus the enhanced status code of the reply (RFC 3463, e.g. {@code 5.1.1}), the
 *     only part of the server's words that is kept; null when none
 */
record SmtpFailure(boolean permanent, int code, String description, String enhancedStatus) {

  private static final java.util.regex.Pattern ENHANCED =
      java.util.regex.Pattern.compile("\\b([245]\\.\\d{1,3}\\.\\d{1,3})\\b");

  static SmtpFailure of(Throwable e) {
    int code = 0;
    String enhanced = null;
    for (Throwable t : causes(e)) {
      int c = replyCode(t);
      // The most serious reply wins: one 5xx for the only recipient is final.
      if (c >= 500 || (c >= 400 && code < 400)) {
        code = c;
        enhanced = enhanced(t.getMessage());
      }
    }
    String description = OutboxSender.describe(e) + (code == 0 ? "" : " (SMTP " + code + ")");
    return new SmtpFailure(code >= 500 && code < 600, code, description, enhanced);
  }

  static String enhanced(String serverWords) {
    if (serverWords == null) {
      return null;
    }
    java.util.regex.Matcher m = ENHANCED.matcher(serverWords);
    return m.find() ? m.group(1) : null;
  }

  /**
   * The reply code of the SMTP provider's exceptions (Angus Mail's {@code
   * SMTPAddressFailedException}, {@code SMTPSendFailedException}, {@code
   * SMTPSenderFailedException}: all have {@code getReturnCode()}); the provider is a runtime
   * dependency only, hence the reflective call.
   */
  private static int replyCode(Throwable t) {
    if (!(t instanceof MessagingException)) {
      return 0;
    }
    try {
      Object code = t.getClass().getMethod("getReturnCode").invoke(t);
      return code instanceof Integer i ? i : 0;
    } catch (ReflectiveOperationException | RuntimeException e) {
      return 0;
    }
  }

  /** Every exception reachable through causes, nested messaging exceptions and Spring's map. */
  private static List<Throwable> causes(Throwable root) {
    List<Throwable> all = new ArrayList<>();
    Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
    List<Throwable> todo = new ArrayList<>(List.of(root));
    while (!todo.isEmpty() && all.size() < 50) {
      Throwable t = todo.remove(0);
      if (t == null || !seen.add(t)) {
        continue;
      }
      all.add(t);
      todo.add(t.getCause());
      if (t instanceof MessagingException m) {
        todo.add(m.getNextException());
      }
      if (t instanceof MailSendException s) {
        for (Map.Entry<Object, Exception> f : s.getFailedMessages().entrySet()) {
          todo.add(f.getValue());
        }
        todo.addAll(List.of(s.getMessageExceptions()));
      }
    }
    return all;
  }
}
