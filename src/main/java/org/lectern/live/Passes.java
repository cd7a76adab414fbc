package org.lectern.live;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.lectern.shared.crypto.Sha256;

/** Room passes (stored only as digests) and voter keys (salted with the room's own salt). */
final class Passes {

  static final String COOKIE = "lectern_live";
  static final String HEADER = "Live-Pass";

  private Passes() {}

  static String newPass() {
    return RoomRepository.secret(32);
  }

  static String digest(String pass) {
    return Sha256.hex(pass);
  }

  /**
   * One key per participant and room, for "one vote per person": an HMAC under the room's random
   * salt, which is destroyed when the room closes (ADR 0005).
   */
  static String voterKey(byte[] salt, UUID participantId) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(salt, "HmacSHA256"));
      return HexFormat.of()
          .formatHex(mac.doFinal(participantId.toString().getBytes(StandardCharsets.UTF_8)));
    } catch (java.security.GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }
}
