package org.lectern.live;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.lectern.shared.database.Json;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * What a table's browsers need to talk (ADR 0024): STUN and TURN servers and the audio bitrate.
 * TURN credentials are the time-limited kind coturn checks with its {@code static-auth-secret} (the
 * "TURN REST API" scheme): user name = expiry:participant, password = HMAC-SHA1 of it, so no
 * lasting TURN password ever reaches a browser. Nothing configured: host candidates only, which is
 * enough on one network (and on loopback), not across NATs.
 */
@Component
class TableMedia {

  private final List<String> stun;
  private final List<String> turn;
  private final String turnSecret;
  private final int audioBitrate;
  private final boolean video;
  private final Clock clock;

  TableMedia(
      @Value("${lectern.tables.stun-urls:}") String stun,
      @Value("${lectern.tables.turn-urls:}") String turn,
      @Value("${lectern.tables.turn-secret:}") String turnSecret,
      @Value("${lectern.tables.audio-bitrate:24000}") int audioBitrate,
      @Value("${lectern.tables.video:true}") boolean video,
      Clock clock) {
    this.stun = split(stun);
    this.turn = split(turn);
    this.turnSecret = turnSecret;
    this.audioBitrate = audioBitrate;
    this.video = video;
    this.clock = clock;
  }

  /** The JSON the table page hands to its script. */
  String config(UUID participantId) {
    List<Map<String, Object>> servers = new ArrayList<>();
    if (!stun.isEmpty()) {
      servers.add(Map.of("urls", stun));
    }
    if (!turn.isEmpty() && !turnSecret.isBlank()) {
      long expires = clock.instant().plus(Duration.ofHours(12)).getEpochSecond();
      String user = expires + ":" + participantId;
      servers.add(Map.of("urls", turn, "username", user, "credential", credential(user)));
    }
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("iceServers", servers);
    m.put("audioBitrate", audioBitrate);
    m.put("video", video);
    return Json.write(m);
  }

  String credential(String user) {
    try {
      Mac mac = Mac.getInstance("HmacSHA1");
      mac.init(new SecretKeySpec(turnSecret.getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
      return Base64.getEncoder().encodeToString(mac.doFinal(user.getBytes(StandardCharsets.UTF_8)));
    } catch (java.security.GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  private static List<String> split(String s) {
    return s == null || s.isBlank()
        ? List.of()
        : Arrays.stream(s.split(",")).map(String::strip).filter(x -> !x.isEmpty()).toList();
  }
}
