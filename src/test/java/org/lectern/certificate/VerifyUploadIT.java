package org.lectern.certificate;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.lectern.support.Http;
import org.lectern.support.IntegrationTest;

/**
 * The public certificate check refuses big uploads and callers over their limit before it reads the
 * upload: the answers come back although the body was never sent.
 */
class VerifyUploadIT extends IntegrationTest {

  @Test
  void anUploadDeclaredLargerThanFiveMegabytesIsRefusedUnread() throws IOException {
    String api = send("/api/v1/certificates/verify", 6_000_000, "198.51.100.61");
    assertThat(api).startsWith("HTTP/1.1 413").contains("application/problem+json");
    assertThat(api).contains("certificate.verify.tooLarge");
    String page = send("/verify?lang=ru", 6_000_000, "198.51.100.62");
    assertThat(page).startsWith("HTTP/1.1 413").contains("text/html").contains("не более 5 МБ");
  }

  @Test
  void overTheLimitTheUploadIsRefusedBeforeItIsParsed() throws IOException {
    Http http = new Http(baseUrl());
    String address = "198.51.100.63";
    // The limit counts in fixed one-minute windows: look up until refused (at most 61 times, so
    // that a loop crossing a window's end still spends one), then upload at once.
    int status = 0;
    for (int i = 0; i < 61 && status != 429; i++) {
      status = http.get("/verify/AAAA-BBBB-CCCC-9999", "X-Forwarded-For", address).status();
    }
    assertThat(status).isEqualTo(429);
    // A malformed multipart body would be a 400 if it were parsed; unsent, it would hang.
    String refused = send("/api/v1/certificates/verify", 1_000, address);
    assertThat(refused).startsWith("HTTP/1.1 429").contains("Retry-After");
  }

  @Test
  void aSmallUploadIsStillChecked() {
    var r =
        new Http(baseUrl())
            .postFile(
                "/api/v1/certificates/verify",
                "file",
                "c.pdf",
                "not a pdf".getBytes(StandardCharsets.UTF_8),
                Map.of(),
                "X-Forwarded-For",
                "198.51.100.64");
    assertThat(r.status()).isEqualTo(200);
  }

  /** Declares a body of {@code length} bytes, sends only the headers and reads the answer. */
  private String send(String path, long length, String forwardedFor) throws IOException {
    try (Socket s = new Socket(InetAddress.getLoopbackAddress(), port)) {
      s.setSoTimeout(20_000);
      OutputStream out = s.getOutputStream();
      out.write(
          ("POST "
                  + path
                  + " HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Forwarded-For: "
                  + forwardedFor
                  + "\r\nContent-Type: multipart/form-data; boundary=x\r\nContent-Length: "
                  + length
                  + "\r\n\r\n--x\r\n")
              .getBytes(StandardCharsets.US_ASCII));
      out.flush();
      byte[] buf = new byte[16_384];
      StringBuilder answer = new StringBuilder();
      var in = s.getInputStream();
      int n;
      // The body was never sent, so the server may keep waiting for it: read the answer only.
      while ((n = in.read(buf)) > 0) {
        answer.append(new String(buf, 0, n, StandardCharsets.UTF_8));
        String a = answer.toString();
        if (a.contains("</html>") || a.contains("0\r\n\r\n") || a.stripTrailing().endsWith("}")) {
          break;
        }
      }
      return answer.toString();
    }
  }
}
