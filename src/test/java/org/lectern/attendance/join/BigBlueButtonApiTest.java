package org.lectern.attendance.join;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Checksums against the worked examples of the BigBlueButton API documentation. */
class BigBlueButtonApiTest {

  @Test
  void createChecksumOfTheApiReferenceExample() {
    // docs.bigbluebutton.org, API reference, "Usage": create with
    // name=Test+Meeting&meetingID=abc123&attendeePW=111222&moderatorPW=333444 and secret
    // 639259d4-9dd8-4b25-bf01-95f9567eaf4b gives 1fcbb0c4fc1f039f73aa6d697d2db9ba7f803f17.
    var api =
        new BigBlueButtonApi(
            "https://bbb.example.org/bigbluebutton/",
            "639259d4-9dd8-4b25-bf01-95f9567eaf4b",
            BigBlueButtonApi.Digest.SHA1);
    Map<String, String> p = new LinkedHashMap<>();
    p.put("name", "Test Meeting");
    p.put("meetingID", "abc123");
    p.put("attendeePW", "111222");
    p.put("moderatorPW", "333444");
    assertThat(BigBlueButtonApi.query(p))
        .isEqualTo("name=Test+Meeting&meetingID=abc123&attendeePW=111222&moderatorPW=333444");
    assertThat(api.checksum("create", BigBlueButtonApi.query(p)))
        .isEqualTo("1fcbb0c4fc1f039f73aa6d697d2db9ba7f803f17");
    assertThat(api.createUrl("abc123", "Test Meeting", "111222", "333444"))
        .isEqualTo(
            "https://bbb.example.org/bigbluebutton/api/create?name=Test+Meeting&meetingID=abc123"
                + "&attendeePW=111222&moderatorPW=333444"
                + "&checksum=1fcbb0c4fc1f039f73aa6d697d2db9ba7f803f17");
  }

  @Test
  void sha256ChecksumAsTheHostingGuideComputesIt() {
    // bbbserver.com API guide, "Checksum & Authentication": the same string hashed with SHA-1 and
    // SHA-256.
    String query =
        "name=Demo&meetingID=replace-with-meeting-id&attendeePW=replace-with-password"
            + "&moderatorPW=replace-with-password";
    var sha256 =
        new BigBlueButtonApi(
            "https://x/bigbluebutton", "replace-with-secret", BigBlueButtonApi.Digest.SHA256);
    var sha1 =
        new BigBlueButtonApi(
            "https://x/bigbluebutton", "replace-with-secret", BigBlueButtonApi.Digest.SHA1);
    assertThat(sha256.checksum("create", query))
        .isEqualTo("7e5a0a48f1542462e56ca034dc83d741bff1deb5feab0cd9ef74fa6e009fe1fd");
    assertThat(sha1.checksum("create", query))
        .isEqualTo("7030bd96ede6a7ac41da848fe3bfc562e52a5914");
  }

  @Test
  void joinUrlIsSignedOverItsOwnQuery() {
    var api =
        new BigBlueButtonApi(
            "https://bbb.example.org/bigbluebutton/api", "s3cret", BigBlueButtonApi.Digest.SHA1);
    String url = api.joinUrl("lectern-1", "Айгерим Сарсенбаева", "ap", "r-1");
    String query = url.substring(url.indexOf('?') + 1, url.indexOf("&checksum="));
    assertThat(url).startsWith("https://bbb.example.org/bigbluebutton/api/join?fullName=%D0%90");
    assertThat(url).endsWith("&checksum=" + api.checksum("join", query));
  }
}
