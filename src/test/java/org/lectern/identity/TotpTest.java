package org.lectern.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class TotpTest {

  private static final byte[] RFC_SECRET =
      "12345678901234567890".getBytes(StandardCharsets.US_ASCII);

  @Test
  void matchesTheSha1VectorsOfRfc6238InSixDigits() {
    assertThat(Totp.code(RFC_SECRET, Totp.step(Instant.ofEpochSecond(59)))).isEqualTo("287082");
    assertThat(Totp.code(RFC_SECRET, Totp.step(Instant.ofEpochSecond(1111111109))))
        .isEqualTo("081804");
    assertThat(Totp.code(RFC_SECRET, Totp.step(Instant.ofEpochSecond(1234567890))))
        .isEqualTo("005924");
    assertThat(Totp.code(RFC_SECRET, Totp.step(Instant.ofEpochSecond(2000000000))))
        .isEqualTo("279037");
  }

  @Test
  void acceptsOneStepEitherSideAndNeverAStepAlreadyUsed() {
    Instant now = Instant.ofEpochSecond(1_700_000_000L);
    long step = Totp.step(now);
    String previous = Totp.code(RFC_SECRET, step - 1);
    String next = Totp.code(RFC_SECRET, step + 1);
    String tooOld = Totp.code(RFC_SECRET, step - 2);
    assertThat(Totp.match(RFC_SECRET, previous, now, 0)).hasValue(step - 1);
    assertThat(Totp.match(RFC_SECRET, next, now, 0)).hasValue(step + 1);
    assertThat(Totp.match(RFC_SECRET, tooOld, now, 0)).isEmpty();
    assertThat(Totp.match(RFC_SECRET, previous, now, step - 1)).isEmpty();
    assertThat(Totp.match(RFC_SECRET, "12 34 5", now, 0)).isEmpty();
    assertThat(Totp.match(RFC_SECRET, null, now, 0)).isEmpty();
  }

  @Test
  void base32RoundTripsAndTheUriNamesIssuerAndAccount() {
    byte[] secret = Totp.newSecret();
    assertThat(Base32.decode(Base32.encode(secret))).isEqualTo(secret);
    assertThat(Base32.decode(Base32.grouped(secret))).isEqualTo(secret);
    assertThat(Base32.encode("foobar".getBytes(StandardCharsets.US_ASCII))).isEqualTo("MZXW6YTBOI");
    assertThat(Totp.uri("Lectern", "a b@example.org", secret))
        .startsWith("otpauth://totp/Lectern:a%20b%40example.org?secret=")
        .contains("&issuer=Lectern&algorithm=SHA1&digits=6&period=30");
  }

  @Test
  void recoveryCodesAreTenDistinctAndReadAsTyped() {
    var codes = RecoveryCodes.generate();
    assertThat(codes).hasSize(10).doesNotHaveDuplicates();
    String c = codes.get(0);
    assertThat(RecoveryCodes.looksLike(c)).isTrue();
    assertThat(RecoveryCodes.hash(c.toUpperCase().replace("-", " ")))
        .isEqualTo(RecoveryCodes.hash(c));
    assertThat(RecoveryCodes.looksLike("123456")).isFalse();
  }
}
