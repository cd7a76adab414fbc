package org.lectern.attendance.join;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Signed BigBlueButton API calls. As the API documentation specifies, the checksum is the hex
 * digest of the call name, the query string (exactly as sent, without "?" and without the checksum)
 * and the shared secret, concatenated with nothing between them.
 */
public final class BigBlueButtonApi {

  /** SHA-1 is what every BigBlueButton accepts; 2.x and later also accept SHA-256. */
  public enum Digest {
    SHA1("SHA-1"),
    SHA256("SHA-256");

    final String algorithm;

    Digest(String algorithm) {
      this.algorithm = algorithm;
    }
  }

  private final String endpoint;
  private final String secret;
  private final Digest digest;

  /** {@code server} like https://bbb.example.org/bigbluebutton/ (with or without "api"). */
  public BigBlueButtonApi(String server, String secret, Digest digest) {
    String base = server.endsWith("/") ? server.substring(0, server.length() - 1) : server;
    this.endpoint = base.endsWith("/api") ? base : base + "/api";
    this.secret = secret;
    this.digest = digest;
  }

  public String checksum(String call, String query) {
    try {
      byte[] hash =
          MessageDigest.getInstance(digest.algorithm)
              .digest((call + query + secret).getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(hash);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The full URL of a call with its parameters in the given order and its checksum. */
  public String url(String call, Map<String, String> params) {
    String query = query(params);
    return endpoint
        + "/"
        + call
        + "?"
        + (query.isEmpty() ? "" : query + "&")
        + "checksum="
        + checksum(call, query);
  }

  public String createUrl(String meetingId, String name, String attendeePw, String moderatorPw) {
    Map<String, String> p = new LinkedHashMap<>();
    p.put("name", name);
    p.put("meetingID", meetingId);
    p.put("attendeePW", attendeePw);
    p.put("moderatorPW", moderatorPw);
    return url("create", p);
  }

  public String joinUrl(String meetingId, String fullName, String password, String userId) {
    Map<String, String> p = new LinkedHashMap<>();
    p.put("fullName", fullName);
    p.put("meetingID", meetingId);
    p.put("password", password);
    p.put("userID", userId);
    p.put("redirect", "true");
    return url("join", p);
  }

  /** Form encoding as BigBlueButton decodes it: spaces as "+", UTF-8 percent escapes. */
  static String query(Map<String, String> params) {
    return params.entrySet().stream()
        .map(e -> enc(e.getKey()) + "=" + enc(e.getValue()))
        .collect(Collectors.joining("&"));
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }
}
