package org.lectern.hostile;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Hostile values, as raw JSON fragments (so that they may be invalid JSON) and as form or query
 * text. Chosen by a seeded {@link Random}: every run sends the same requests.
 */
final class HostileValues {

  static final String MEGABYTE = "A".repeat(1_000_000);

  /** JSON fragments to put where a field's value goes. */
  static final List<String> JSON =
      List.of(
          "\"\\u0000\"",
          "\"Human\\u0000rights\"",
          "\"bell\\u0007 and escape\\u001b[31m\"",
          "\"C1 \\u0085 \\u009f\"",
          "\"\\ud800\"",
          "\"x\\udc00\\ud800y\"",
          "\"\\u202eevil.exe\\u202c \\u200f\\u061c\"",
          "\"zero\\u200b\\u200c\\u200d\\u2060\\ufeffwidth\"",
          "\"" + MEGABYTE + "\"",
          "\"" + "Ә".repeat(100_001) + "\"",
          "\"😀\\ud83d\\ude00 emoji\"",
          "\"<script>alert(1)</script>\"",
          "\"' OR 1=1 --\"",
          "\"../../../../etc/passwd\"",
          "\"%00\"",
          "\"2021-02-30T25:61:00+99:00\"",
          "\"\"",
          "\"   \"",
          "1e400",
          "-9223372036854775809",
          "99999999999999999999999999999",
          "-1",
          "0",
          "2147483648",
          "3.5",
          "NaN",
          "true",
          "null",
          "{}",
          "[]",
          "[\"a\",\"b\"]",
          "[1,2,3]",
          "{\"en\":{\"nested\":[1]}}",
          "{\"\\u0000\":\"key\"}",
          "[".repeat(10_000) + "]".repeat(10_000),
          "{\"a\":".repeat(2_000) + "1" + "}".repeat(2_000));

  /** Values for path segments that should name an object. */
  static final List<String> IDS =
      List.of(
          "not-a-uuid",
          "..%2F..%2Fadmin",
          "..",
          "%00",
          "%2e%2e",
          "00000000-0000-0000-0000-000000000000",
          "ffffffff-ffff-ffff-ffff-ffffffffffffff",
          "1%20OR%201%3D1",
          "%F0%9F%98%80",
          "%C3%28",
          "x".repeat(2_000),
          "-1",
          "99999999999999999999");

  /** Text for form fields and query parameters (sent URL-encoded). */
  static final List<String> TEXT =
      List.of(
          "\u0000",
          "Human\u0000rights",
          "bell\u0007 escape\u001b[31m",
          "C1 \u0085 \u009f",
          "\ud800",
          "\u202eevil\u202c \u200f",
          "zero\u200b\u200d\ufeffwidth",
          MEGABYTE,
          "Ә".repeat(100_001),
          "<script>alert(1)</script>",
          "' OR 1=1 --",
          "../../etc/passwd",
          "",
          "   ",
          "-1",
          "99999999999999999999",
          "1e400",
          "NaN",
          "2021-02-30T25:61",
          "Ёлка Й\u0306");

  private HostileValues() {}

  static <T> T pick(Random random, List<T> from) {
    return from.get(random.nextInt(from.size()));
  }

  /** Some of {@code from}, chosen with {@code random}: at most {@code n}, in a stable order. */
  static <T> List<T> some(Random random, List<T> from, int n) {
    List<T> copy = new ArrayList<>(from);
    java.util.Collections.shuffle(copy, random);
    return copy.subList(0, Math.min(n, copy.size()));
  }
}
