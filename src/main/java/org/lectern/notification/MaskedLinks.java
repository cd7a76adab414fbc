package org.lectern.notification;

import java.util.regex.Pattern;

/**
 * Hides anything that looks like a secret in a mail body shown on the outbox page: long random
 * strings (tokens, keys; UUIDs too, which is harmless) become dots. Mails that exist to carry a
 * credential are not shown at all; this catches a link in any other mail.
 */
final class MaskedLinks {

  private static final Pattern SECRET = Pattern.compile("[A-Za-z0-9_\\-]{20,}");

  private MaskedLinks() {}

  static String mask(String text) {
    return text == null ? null : SECRET.matcher(text).replaceAll("••••••");
  }
}
