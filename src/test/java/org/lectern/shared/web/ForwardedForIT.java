package org.lectern.shared.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.lectern.support.IntegrationTest;

/**
 * X-Forwarded-For counts only when the direct peer is a trusted proxy (by default one on the same
 * host, 127.0.0.1). A client connecting from 127.0.0.2 stands for anyone else: its header is
 * ignored, so it cannot escape a limit by inventing addresses.
 */
class ForwardedForIT extends IntegrationTest {

  @Test
  void anUntrustedPeerCannotEscapeTheLimitWithInventedAddresses() throws IOException {
    // The limit (30 a minute) counts in fixed windows: 31 requests may straddle two of them, 61
    // cannot escape it unless they take more than a minute. Were the header believed, every
    // request would come from a fresh address and none would be refused.
    int firstRefused = -1;
    for (int i = 0; i < 61 && firstRefused < 0; i++) {
      int status = status("127.0.0.2", "/verify/AAAA-BBBB-CCCC-EEEE", "198.51.100." + i, "http");
      assertThat(status).isIn(404, 429);
      if (status == 429) {
        firstRefused = i;
      }
    }
    assertThat(firstRefused).as("the first refusal, after the window's 30 uses").isBetween(30, 60);
  }

  @Test
  void theTrustedProxyIsBelievedForTheClientAddress() throws IOException {
    for (int i = 0; i < 31; i++) {
      assertThat(status("127.0.0.1", "/verify/AAAA-BBBB-CCCC-FFFF", "203.0.113." + i, "http"))
          .isEqualTo(404);
    }
  }

  @Test
  void anUntrustedPeerCannotClaimHttps() throws IOException {
    // A page that sets the language cookie: Secure only when the request really is HTTPS.
    assertThat(raw("127.0.0.2", "/?lang=ru", "192.0.2.9", "https")).doesNotContain("Secure");
    assertThat(raw("127.0.0.1", "/?lang=ru", "192.0.2.9", "https")).contains("; Secure");
  }

  private int status(String from, String path, String forwardedFor, String proto)
      throws IOException {
    String head = raw(from, path, forwardedFor, proto);
    return Integer.parseInt(head.substring(9, 12));
  }

  /** The response head of a GET sent from a chosen local address (all of 127/8 is loopback). */
  private String raw(String from, String path, String forwardedFor, String proto)
      throws IOException {
    try (Socket s =
        new Socket(InetAddress.getByName("127.0.0.1"), port, InetAddress.getByName(from), 0)) {
      OutputStream out = s.getOutputStream();
      out.write(
          ("GET "
                  + path
                  + " HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Forwarded-For: "
                  + forwardedFor
                  + "\r\nX-Forwarded-Proto: "
                  + proto
                  + "\r\nConnection: close\r\n\r\n")
              .getBytes(StandardCharsets.US_ASCII));
      out.flush();
      InputStream in = s.getInputStream();
      String all = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      int end = all.indexOf("\r\n\r\n");
      return end < 0 ? all : all.substring(0, end);
    }
  }
}
