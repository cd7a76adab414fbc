package org.lectern.attendance.importing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.lectern.support.FormClient.csrf;
import static org.lectern.support.FormClient.enc;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.lectern.attendance.AttendanceFixture;
import org.lectern.certificate.CertificateService;
import org.lectern.session.Session;
import org.lectern.shared.crypto.PersonalDataCipher;
import org.lectern.support.FormClient;
import org.lectern.support.Http;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.security.authentication.ott.GenerateOneTimeTokenRequest;
import org.springframework.security.authentication.ott.OneTimeTokenService;

/**
 * A delegate's whole journey — registered, confirmed, signing in with a link, found in an
 * attendance report, a certificate issued and one that fails to print — while every log line is
 * captured: no delegate's name or address may appear in the log.
 */
@ExtendWith(OutputCaptureExtension.class)
class DelegateLogsIT extends AttendanceFixture {

  @Autowired CertificateService certificates;
  @Autowired OneTimeTokenService signInTokens;
  @Autowired PersonalDataCipher cipher;

  final FormClient browser = new FormClient(this::baseUrl);

  @Test
  void theLogNamesNoDelegate(CapturedOutput log) throws Exception {
    String tag = "qx" + UUID.randomUUID().toString().substring(0, 6);
    String ownName = "Zhansaya " + tag + "ova";
    String ownEmail = "zhansaya." + tag + "@example.kz";
    // A name the certificate fonts cannot print: issuing fails for it.
    String unprintable = "Mei 王" + tag + "wang";
    String unprintableEmail = "mei." + tag + "@example.kz";
    List<String> secrets =
        new ArrayList<>(
            List.of(
                ownName,
                tag,
                ownEmail,
                unprintableEmail,
                "Laufeyson",
                "loki_asgardian@marvel.com",
                "Henshaw",
                "CYBORG-SUPERMAN_cyborg@dc.com"));

    var p = programme("America/New_York");
    Session s = session(p, "2021-11-19T10:00", "2021-11-19T12:00");
    jdbc.sql("update programme set cpd_hours = 2 where id = :id").param("id", p.id()).update();
    register(p, "Loki Laufeyson", "loki_asgardian@marvel.com");
    register(p, "Hank Henshaw", "CYBORG-SUPERMAN_cyborg@dc.com");
    register(p, ownName, ownEmail, "en");
    UUID failing = register(p, unprintable, unprintableEmail, "kk");

    // The delegate asks for a sign-in link and signs in with one.
    String form = browser.get("/my/sign-in").body();
    var asked = browser.post("/my/sign-in", "email=" + enc(ownEmail) + "&_csrf=" + csrf(form));
    assertThat(asked.statusCode()).isEqualTo(302);
    var link = signInTokens.generate(new GenerateOneTimeTokenRequest(cipher.emailIndex(ownEmail)));
    String confirm = browser.get("/my/sign-in/token?token=" + link.getTokenValue()).body();
    var signedIn =
        browser.post(
            "/my/sign-in/token", "token=" + link.getTokenValue() + "&_csrf=" + csrf(confirm));
    assertThat(signedIn.headers().firstValue("Location").orElseThrow()).endsWith("/my");
    assertThat(browser.get("/my").body()).contains(ownEmail);

    // The organiser imports the attendance report and issues certificates.
    var imported =
        upload(
            s,
            fixture("zoom_meeting_participants_with_meeting_data_SYNTHETIC_zoomclass.csv"),
            Map.of());
    assertThat(imported.status()).as(imported.body()).isEqualTo(201);
    certificates.override(organiser, p.id(), failing, "attended in the room");
    var issued =
        new Http(baseUrl())
            .postJson(
                "/api/v1/programmes/" + p.id() + "/certificates",
                "{}",
                "Authorization",
                "Bearer " + token);
    assertThat(issued.status()).isEqualTo(201);
    assertThat(issued.json().get("failed").toString()).contains(failing.toString());

    String all = log.getAll();
    assertThat(all).contains("not issued"); // the error path was logged
    for (String secret : secrets) {
      assertThat(all).as("the log names %s", secret).doesNotContainIgnoringCase(secret);
    }
  }
}
