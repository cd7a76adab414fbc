package org.lectern.identity;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.lectern.shared.crypto.PersonalDataCipher;
import org.springframework.stereotype.Component;

/**
 * Staff accounts' addresses and names at rest (ADR 0022, amendment "staff accounts"): sealed with
 * the installation's personal-data key, the context binding each to its column, and the address
 * found by a keyed blind index of its normalised form (stripped, lower-cased), so a database dump
 * or a backup names no organiser, door volunteer, speaker or funder.
 */
@Component
final class AccountSeal {

  static final String EMAIL = "app_user.email";
  static final String NAME = "app_user.fullName";

  /** The columns an account is read with; {@link #user} maps them. */
  static final String COLUMNS =
      "id, email, full_name, password_hash, platform_admin, disabled_at is not null as disabled,"
          + " session_epoch";

  private final PersonalDataCipher cipher;

  /** How many addresses and names were opened: an exact count for tests and benchmarks. */
  private final AtomicLong opened = new AtomicLong();

  AccountSeal(PersonalDataCipher cipher) {
    this.cipher = cipher;
  }

  /** The form every look-up compares: what sign-in, resets and invitations always compared. */
  static String normalised(String email) {
    return email.strip().toLowerCase(Locale.ROOT);
  }

  String emailIndex(String email) {
    return cipher.blindIndex(normalised(email), EMAIL);
  }

  byte[] sealEmail(String email) {
    return cipher.encrypt(email.strip(), EMAIL);
  }

  byte[] sealName(String name) {
    return cipher.encrypt(name, NAME);
  }

  String openEmail(byte[] sealed) {
    opened.incrementAndGet();
    return cipher.decrypt(sealed, EMAIL);
  }

  String openName(byte[] sealed) {
    opened.incrementAndGet();
    return cipher.decrypt(sealed, NAME);
  }

  long opened() {
    return opened.get();
  }

  /** An account read with {@link #COLUMNS}; its address and name are opened on first use. */
  LecternUser user(ResultSet rs) throws SQLException {
    return new LecternUser(
        rs.getObject("id", UUID.class),
        AccountNames.sealed(rs.getBytes("email"), rs.getBytes("full_name"), this),
        rs.getString("password_hash"),
        rs.getBoolean("platform_admin"),
        rs.getBoolean("disabled"),
        rs.getInt("session_epoch"));
  }
}
