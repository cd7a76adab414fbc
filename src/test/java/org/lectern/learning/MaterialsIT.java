package org.lectern.learning;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.lectern.identity.LecternUser;
import org.lectern.identity.UserService;
import org.lectern.support.Fixtures;
import org.lectern.support.Http;
import org.lectern.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Materials of a session: the organiser and the session's own speaker upload them; mislabelled,
 * active, empty and oversized files are refused next to the field (a 200 MB upload unread) and
 * nothing is stored; a speaker of another session is refused; each access level is enforced for
 * delegates' personal links and the public; non-public files are sealed in the database; the list
 * of downloads is audited; a deleted material is gone.
 */
class MaterialsIT extends IntegrationTest {

  @Autowired LearningFixture fx;
  @Autowired Recordings recordings;
  @Autowired UserService users;
  @Autowired org.lectern.identity.ApiTokenService tokens;

  LecternUser org;
  UUID programme;
  UUID session;
  UUID otherSession;
  String slug;
  Browserless admin;
  String page;

  @BeforeAll
  void world() {
    org = fx.organiser("materials");
    programme = fx.programme(org, Instant.now().minus(Duration.ofDays(2)));
    session = sessionOf(programme);
    jdbc.sql("update programme set status = 'PUBLISHED' where id = :p")
        .param("p", programme)
        .update();
    slug =
        jdbc.sql("select slug from programme where id = :p")
            .param("p", programme)
            .query(String.class)
            .single();
    otherSession = UUID.randomUUID();
    jdbc.sql(
            """
            insert into session (id, programme_id, title, starts_at, ends_at, mode, status, sequence,
              language)
            select :id, programme_id, title, starts_at + interval '1 day', ends_at + interval '1 day',
              mode, status, 1, language from session where id = :s
            """)
        .param("id", otherSession)
        .param("s", session)
        .update();
    admin = new Browserless(baseUrl(), "ru").signIn(org.email(), Fixtures.PASSWORD);
    page = "/admin/sessions/" + session + "/materials";
  }

  @Test
  void badFilesAreRefusedNextToTheFieldAndNothingIsStored() throws Exception {
    long before = count();
    String csrf = Browserless.csrf(admin.get(page));
    record Case(String name, byte[] bytes, String message) {}
    for (Case c :
        List.of(
            new Case("slides.pptx", MaterialSamples.pdf(), "на самом деле это файл .pdf"),
            new Case("script.pdf", MaterialSamples.pdfWithJavaScript(), "скрипты"),
            new Case("hidden.pdf", MaterialSamples.pdfWithHiddenJavaScript(), "скрипты"),
            new Case("empty.pdf", new byte[0], "пустой файл"),
            new Case(
                "page.html",
                "<script>alert(1)</script>".getBytes(StandardCharsets.UTF_8),
                "Такой файл"),
            new Case("bomb.pptx", MaterialSamples.zipBomb(), "распаковывается"))) {
      var r =
          admin.postFile(
              page,
              csrf,
              List.of(Map.entry("title", "Слайды"), Map.entry("access", "REGISTERED")),
              c.name(),
              c.bytes());
      assertThat(r.statusCode()).as(c.name()).isEqualTo(422);
      var doc = Jsoup.parse(r.body());
      assertThat(doc.select("#file-error").text()).as(c.name()).contains(c.message());
      assertThat(doc.select("#file").attr("aria-describedby")).contains("file-error");
    }
    // An empty title and no access chosen: both named.
    var r =
        admin.postFile(
            page, csrf, List.of(Map.entry("title", " ")), "a.pdf", MaterialSamples.pdf());
    assertThat(r.statusCode()).isEqualTo(422);
    assertThat(Jsoup.parse(r.body()).select("#title-error").text()).contains("Укажите название");
    assertThat(count()).isEqualTo(before);
  }

  @Test
  void anUploadOfTwoHundredMegabytesIsRefusedUnread() throws Exception {
    long before = count();
    String csrf = Browserless.csrf(admin.get(page));
    long length = 200L * 1024 * 1024;
    try (Socket s = new Socket(InetAddress.getLoopbackAddress(), port)) {
      s.setSoTimeout(30_000);
      OutputStream out = s.getOutputStream();
      out.write(
          ("POST "
                  + page
                  + "?lang=ru HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: multipart/form-data;"
                  + " boundary=x\r\nContent-Length: "
                  + length
                  + "\r\n\r\n--x\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n"
                  + csrf
                  + "\r\n")
              .getBytes(StandardCharsets.US_ASCII));
      out.flush();
      // The body streams on in another thread, 64 KB at a time (never held whole), until the
      // server closes the connection; the answer is read meanwhile.
      var writer =
          CompletableFuture.runAsync(
              () -> {
                byte[] chunk = new byte[64 * 1024];
                try {
                  for (long sent = 0; sent < length; sent += chunk.length) {
                    out.write(chunk);
                  }
                } catch (java.io.IOException closed) {
                  // refused: the server stopped reading
                }
              });
      String answer = read(s.getInputStream());
      assertThat(answer).startsWith("HTTP/1.1 413").contains("text/html");
      assertThat(answer).contains("Файл слишком большой для материала");
      writer.get(60, TimeUnit.SECONDS);
    }
    assertThat(count()).isEqualTo(before);
  }

  @Test
  void accessLevelsAreEnforcedForDelegatesAndThePublic() throws Exception {
    UUID attended = fx.delegate(org, programme, "Айгүл Қатысқан", "KZ-10", "female");
    UUID absent = fx.delegate(org, programme, "Борис Болмаған", "KZ-75", "male");
    jdbc.sql(
            """
            insert into attendance_result (session_id, registration_id, programme_id, minutes,
              percent, online, room)
            values (:s, :r, :p, 100, 90, true, false)
            """)
        .param("s", session)
        .param("r", attended)
        .param("p", programme)
        .update();
    byte[] pdf = MaterialSamples.pdf();
    byte[] pptx = MaterialSamples.pptx();
    UUID open = upload("Раздаточный материал", "PUBLIC", "handout.pdf", pdf);
    UUID registered = upload("Слайды", "REGISTERED", "<img src=x onerror=alert(1)>.pptx", pptx);
    UUID onlyAttended = upload("Разбор дела", "ATTENDED", "case.pdf", pdf);

    // Sealed in the database unless public.
    assertThat(stored(open)).isEqualTo(pdf);
    assertThat(stored(registered)).isNotEqualTo(pptx);

    // The organiser's list: names shown as text, never as markup.
    var list = Jsoup.parse(admin.get(page).body());
    assertThat(list.select("#materials tbody tr")).hasSize(3);
    assertThat(list.select("#materials img")).isEmpty();
    assertThat(list.text()).contains("_img src=x onerror=alert(1)_.pptx");

    // The public: the public file, listed on the programme's page; nothing else.
    var anyone = new Browserless(baseUrl(), "ru");
    var programmePage = anyone.get("/programmes/" + slug);
    assertThat(programmePage.statusCode()).as(programmePage.body()).isEqualTo(200);
    var shown = Jsoup.parse(programmePage.body());
    assertThat(shown.select("#public-materials a")).as(shown.select("main").text()).hasSize(1);
    assertThat(shown.select("#material-" + open).attr("href")).isEqualTo("/materials/" + open);
    var got = anyone.bytes("/materials/" + open);
    assertThat(got.statusCode()).isEqualTo(200);
    assertThat(got.body()).isEqualTo(pdf);
    assertThat(got.headers().firstValue("Content-Type").orElse("")).startsWith("application/pdf");
    assertThat(got.headers().firstValue("Content-Disposition").orElse("")).startsWith("attachment");
    assertThat(anyone.bytes("/materials/" + registered).statusCode()).isEqualTo(404);
    assertThat(anyone.bytes("/materials/" + onlyAttended).statusCode()).isEqualTo(404);

    // A delegate who attended: all three behind their personal link.
    String mine = path(recordings.linkFor(attended, session));
    var page1 = Jsoup.parse(anyone.get(mine + "?lang=ru").body());
    assertThat(page1.select("#materials a")).hasSize(3);
    var slides = anyone.bytes(mine + "/materials/" + registered);
    assertThat(slides.statusCode()).isEqualTo(200);
    assertThat(slides.body()).isEqualTo(pptx);
    assertThat(anyone.bytes(mine + "/materials/" + onlyAttended).statusCode()).isEqualTo(200);
    // One who did not: not the attended-only one, neither listed nor fetched.
    String theirs = path(recordings.linkFor(absent, session));
    var page2 = Jsoup.parse(anyone.get(theirs + "?lang=ru").body());
    assertThat(page2.select("#materials a")).hasSize(2);
    assertThat(anyone.bytes(theirs + "/materials/" + onlyAttended).statusCode()).isEqualTo(404);
    // A material of the session cannot be fetched through a link to another session.
    String elsewhere = path(recordings.linkFor(attended, otherSession));
    assertThat(anyone.bytes(elsewhere + "/materials/" + registered).statusCode()).isEqualTo(404);

    // Downloads: counted, and listed by name for the organiser (audited).
    var listed = admin.get(page + "/downloads");
    assertThat(listed.statusCode()).isEqualTo(200);
    assertThat(Jsoup.parse(listed.body()).select("#downloads tbody tr")).hasSize(2);
    assertThat(listed.body()).contains("Айгүл Қатысқан");
    assertThat(
            jdbc.sql(
                    "select count(*) from audit_entry where action = 'learning.materialDownloadsListed'"
                        + " and subject_id = :s")
                .param("s", session.toString())
                .query(Integer.class)
                .single())
        .isEqualTo(1);

    // The API lists them (read only) for the organiser; there is no recording yet.
    var api = new Http(baseUrl());
    String bearer = "Bearer " + tokens.issue(org.id(), "materials").token();
    var json = api.get("/api/v1/sessions/" + session + "/materials", "Authorization", bearer);
    assertThat(json.status()).isEqualTo(200);
    assertThat(json.json().size()).isEqualTo(3);
    assertThat(json.body()).contains("\"access\":\"ATTENDED\"");
    assertThat(
            api.get("/api/v1/sessions/" + session + "/recording", "Authorization", bearer).status())
        .isEqualTo(404);
    assertThat(api.get("/api/v1/sessions/" + session + "/materials").status()).isEqualTo(401);

    // A recording open to the public is listed on the programme's page within its window.
    var zone = java.time.ZoneId.of("Asia/Almaty");
    recordings.save(
        org,
        session,
        Map.of(
            "url",
            "https://video.example.org/rec/public14",
            "from",
            java.time.LocalDateTime.now(zone).minusDays(1).withSecond(0).withNano(0).toString(),
            "until",
            java.time.LocalDateTime.now(zone).plusDays(9).withSecond(0).withNano(0).toString(),
            "access",
            "PUBLIC"));
    var withRecording = Jsoup.parse(anyone.get("/programmes/" + slug).body());
    assertThat(withRecording.select("#recording-" + session).attr("href"))
        .isEqualTo("https://video.example.org/rec/public14");
    assertThat(withRecording.select("#recording-" + session).attr("rel")).contains("noopener");
    var rec = api.get("/api/v1/sessions/" + session + "/recording", "Authorization", bearer);
    assertThat(rec.status()).isEqualTo(200);
    assertThat(rec.json().get("access").asString()).isEqualTo("PUBLIC");

    // Deleted: gone for everyone.
    String csrf = Browserless.csrf(admin.get(page));
    assertThat(admin.post(page + "/" + open + "/delete", csrf, List.of()).statusCode())
        .isEqualTo(302);
    assertThat(anyone.bytes("/materials/" + open).statusCode()).isEqualTo(404);
    assertThat(Jsoup.parse(anyone.get("/programmes/" + slug).body()).select("#public-materials a"))
        .hasSize(1);
    // Outside its window the recording leaves the public page.
    jdbc.sql(
            "update learning_recording set available_until = now() - interval '1 minute',"
                + " available_from = now() - interval '2 days' where session_id = :s")
        .param("s", session)
        .update();
    assertThat(Jsoup.parse(anyone.get("/programmes/" + slug).body()).select("#public-materials"))
        .isEmpty();
  }

  @Test
  void theSessionsSpeakerUploadsAndASpeakerOfAnotherSessionIsRefused() {
    LecternUser own = speakerOf(session, "own");
    LecternUser other = speakerOf(otherSession, "other");
    var speaker = new Browserless(baseUrl(), "ru").signIn(own.email(), Fixtures.PASSWORD);
    var form = speaker.get(page);
    assertThat(form.statusCode()).isEqualTo(200);
    // A speaker does not see who downloaded (personal data of delegates).
    assertThat(form.body()).doesNotContain("/materials/downloads");
    assertThat(speaker.get(page + "/downloads").statusCode()).isEqualTo(403);
    var r =
        speaker.postFile(
            page,
            Browserless.csrf(form),
            List.of(Map.entry("title", "Мои слайды"), Map.entry("access", "REGISTERED")),
            "deck.pptx",
            MaterialSamples.pptx());
    assertThat(r.statusCode()).isEqualTo(302);
    UUID mine =
        jdbc.sql("select id from learning_material where title = 'Мои слайды'")
            .query(UUID.class)
            .single();

    var stranger = new Browserless(baseUrl(), "ru").signIn(other.email(), Fixtures.PASSWORD);
    assertThat(stranger.get(page).statusCode()).isEqualTo(403);
    String csrf = Browserless.csrf(stranger.get("/admin/sessions/" + otherSession + "/materials"));
    long before = count();
    var refused =
        stranger.postFile(
            page,
            csrf,
            List.of(Map.entry("title", "Чужое"), Map.entry("access", "PUBLIC")),
            "deck.pptx",
            MaterialSamples.pptx());
    assertThat(refused.statusCode()).isEqualTo(403);
    assertThat(stranger.post(page + "/" + mine + "/delete", csrf, List.of()).statusCode())
        .isEqualTo(403);
    assertThat(count()).isEqualTo(before);
    // The session's own speaker deletes what they uploaded.
    assertThat(
            speaker
                .post(page + "/" + mine + "/delete", Browserless.csrf(speaker.get(page)), List.of())
                .statusCode())
        .isEqualTo(302);
    assertThat(count()).isEqualTo(before - 1);
  }

  /** An account linked to a speaker record who speaks at {@code sessionId} only. */
  private LecternUser speakerOf(UUID sessionId, String label) {
    UUID user =
        users.create(
            label + "-speaker-" + UUID.randomUUID().toString().substring(0, 6) + "@example.org",
            "Speaker " + label,
            Fixtures.PASSWORD,
            false);
    UUID speaker = UUID.randomUUID();
    jdbc.sql(
            """
            insert into speaker (id, organisation_id, full_name, user_id)
            select :id, organisation_id, :name, :u from programme where id = :p
            """)
        .param("id", speaker)
        .param("name", "Speaker " + label)
        .param("u", user)
        .param("p", programme)
        .update();
    jdbc.sql(
            "insert into session_speaker (session_id, speaker_id, role) values (:s, :sp, 'PRESENTER')")
        .param("s", sessionId)
        .param("sp", speaker)
        .update();
    return users.find(user).orElseThrow();
  }

  private UUID upload(String title, String access, String name, byte[] bytes) {
    var r =
        admin.postFile(
            page,
            Browserless.csrf(admin.get(page)),
            List.of(Map.entry("title", title), Map.entry("access", access)),
            name,
            bytes);
    assertThat(r.statusCode()).as(r.body()).isEqualTo(302);
    return jdbc.sql("select id from learning_material where session_id = :s and title = :t")
        .param("s", session)
        .param("t", title)
        .query(UUID.class)
        .single();
  }

  private byte[] stored(UUID id) {
    return jdbc.sql("select content from learning_material where id = :id")
        .param("id", id)
        .query(byte[].class)
        .single();
  }

  private long count() {
    return jdbc.sql("select count(*) from learning_material").query(Long.class).single();
  }

  private UUID sessionOf(UUID p) {
    return jdbc.sql("select id from session where programme_id = :p")
        .param("p", p)
        .query(UUID.class)
        .single();
  }

  private static String path(String link) {
    return link.replaceFirst("^https?://[^/]+", "");
  }

  private static String read(InputStream in) throws java.io.IOException {
    byte[] buf = new byte[16_384];
    StringBuilder answer = new StringBuilder();
    int n;
    while ((n = in.read(buf)) > 0) {
      answer.append(new String(buf, 0, n, StandardCharsets.UTF_8));
      if (answer.indexOf("</html>") >= 0) {
        break;
      }
    }
    return answer.toString();
  }
}
