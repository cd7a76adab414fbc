package org.lectern.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.lectern.admin.WebSession.Form;
import org.lectern.programme.Programme;
import org.lectern.session.SessionInput;
import org.lectern.session.SessionService;
import org.lectern.session.SessionSpeaker;
import org.lectern.session.SpeakerRole;
import org.lectern.shared.i18n.LocalizedText;
import org.lectern.speaker.Speaker;
import org.lectern.speaker.SpeakerInput;
import org.lectern.speaker.SpeakerService;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A speaker gets a way in: invited from their speaker record, they set a password, sign in, see
 * their sessions, keep their own profile (the photo stored without its EXIF GPS position), moderate
 * their own session's live room and nothing else — no registrations, no other session's room.
 */
class SpeakerAccessIT extends BackOfficeFixture {

  private static final String GPS_MARK = "LECTERN-GPS-43.2389N-76.8897E";

  @Autowired SessionService sessions;
  @Autowired org.lectern.identity.UserInvitations userInvitations;
  @Autowired SpeakerService speakers;

  @Test
  void anInvitedSpeakerSignsInKeepsTheirProfileAndModeratesOnlyTheirSession() throws Exception {
    Programme p = draftProgramme("speaker-way-in");
    programmes.publish(aigerim, p.id());
    Speaker erlan =
        speakers.create(
            aigerim,
            bar,
            SpeakerInput.validate(
                "Ерлан Спикер", LocalizedText.of("en", "Keeps this"), "Коллегия", true));
    Speaker other =
        speakers.create(
            aigerim,
            bar,
            SpeakerInput.validate("Другой Спикер", LocalizedText.empty(), null, true));
    UUID own = session(p, "Сессия Ерлана", erlan, 2);
    UUID foreign = session(p, "Чужая сессия", other, 3);

    WebSession organiser = signedIn(AIGERIM);
    var bad =
        organiser.post(
            "/admin/speakers/" + erlan.id() + "/invite",
            new Form().add("email", "not-an-address").add("language", "ru"));
    assertThat(bad.statusCode()).isEqualTo(422);
    assertThat(bad.body()).contains("id=\"email-error\"");
    assertThat(invited(erlan.id())).isNull();

    String email = "erlan-" + UUID.randomUUID().toString().substring(0, 6) + "@example.org";
    var invited =
        organiser.post(
            "/admin/speakers/" + erlan.id() + "/invite",
            new Form().add("email", email).add("language", "ru"));
    assertThat(invited.statusCode()).isEqualTo(302);
    assertThat(organiser.follow(invited).body()).contains(email);
    assertThat(invited(erlan.id())).isNotNull();

    // The invitation goes out through the outbox (after commit, on another thread).
    await().atMost(java.time.Duration.ofSeconds(30)).until(() -> mailQueued() > 0);
    assertThat(mailQueued()).isPositive();
    String root = "root-" + UUID.randomUUID().toString().substring(0, 6) + "@example.org";
    users.create(root, "Platform Admin", PASSWORD, true);
    String outbox = signedIn(root).get("/admin/outbox").body();
    assertThat(outbox).contains(email);
    // The outbox page never shows a working set-password link; the test issues its own.
    assertThat(outbox.substring(outbox.indexOf(email))).doesNotContain("/invitation/");
    UUID account = users.findByEmail(email).orElseThrow().id();
    Matcher link = Pattern.compile("(.*)").matcher("/invitation/" + userInvitations.issue(account));
    assertThat(link.find()).isTrue();

    WebSession browser = anonymous();
    String csrf = WebSession.csrfOf(browser.get(link.group(1)));
    var accepted =
        browser.post(link.group(1), csrf, new Form().add("password", "Kestrel-lantern-47-quiet"));
    assertThat(accepted.statusCode()).isEqualTo(302);

    WebSession speaker = new WebSession(baseUrl()).signIn(email, "Kestrel-lantern-47-quiet");
    speaker.language("ru");
    String home = speaker.get("/admin").body();
    assertThat(home)
        .contains("Сессия Ерлана")
        .contains("/sessions/" + own + "/live/moderate")
        .contains("/admin/me/speakers/" + erlan.id())
        .doesNotContain("Чужая сессия")
        .doesNotContain("href=\"/admin/programmes/new\"")
        .doesNotContain("href=\"/admin/users\"")
        .doesNotContain("href=\"/admin/speakers\"");
    assertThat(linked(erlan.id())).isNotNull();
    // A speaker in London sees their time, their zone named, and the programme's time and zone:
    // the room in Almaty starts at the programme's hour.
    speaker.get("/preferences/zone?tz=Europe/London&back=/admin");
    assertThat(speaker.get("/admin").body())
        .contains("(Europe/London, UTC+00:00)")
        .contains("В часовом поясе программы (Asia/Almaty, UTC+05:00): ");

    var console = speaker.get("/sessions/" + own + "/live/moderate");
    assertThat(console.statusCode()).isEqualTo(200);
    // The speaker moderates, but gets no programme menu: they could use none of its pages.
    assertThat(console.body()).doesNotContain("class=\"prognav\"");
    assertThat(speaker.get("/sessions/" + foreign + "/live/moderate").statusCode()).isEqualTo(404);
    assertThat(speaker.get("/admin/programmes/" + p.id() + "/registrations").statusCode())
        .isEqualTo(403);
    assertThat(speaker.get("/admin/programmes/" + p.id()).statusCode()).isEqualTo(403);
    assertThat(speaker.get("/admin/me/speakers/" + other.id()).statusCode()).isEqualTo(404);
    assertThat(speaker.get("/admin/speakers/" + erlan.id()).statusCode()).isEqualTo(403);

    String form = speaker.get("/admin/me/speakers/" + erlan.id()).body();
    assertThat(form).contains("name=\"bio.ru\"").contains("name=\"bio.kk\"");
    assertThat(form).doesNotContain("name=\"bio.en\"");

    byte[] photo = jpegWithGps();
    assertThat(new String(photo, StandardCharsets.ISO_8859_1)).contains("Exif").contains(GPS_MARK);
    var saved =
        speaker.postMultipart(
            "/admin/me/speakers/" + erlan.id(),
            new Form()
                .add("affiliation", "Коллегия адвокатов")
                .add("bio.ru", "Адвокат, 12 лет практики.")
                .add("bio.kk", "Адвокат, 12 жыл тәжірибе."),
            "photo",
            "me.jpg",
            photo);
    assertThat(saved.statusCode()).as(saved.body()).isEqualTo(302);
    Speaker after = speakers.find(erlan.id()).orElseThrow();
    assertThat(after.fullName()).isEqualTo("Ерлан Спикер");
    assertThat(after.affiliation()).isEqualTo("Коллегия адвокатов");
    assertThat(after.bio().get("ru")).isEqualTo("Адвокат, 12 лет практики.");
    assertThat(after.bio().get("kk")).isEqualTo("Адвокат, 12 жыл тәжірибе.");
    assertThat(after.bio().get("en"))
        .as("a language not on the form is kept")
        .isEqualTo("Keeps this");
    byte[] stored =
        jdbc.sql("select photo from speaker where id = :id")
            .param("id", erlan.id())
            .query(byte[].class)
            .single();
    String raw = new String(stored, StandardCharsets.ISO_8859_1);
    assertThat(raw).doesNotContain("Exif").doesNotContain(GPS_MARK);
    BufferedImage back = ImageIO.read(new ByteArrayInputStream(stored));
    assertThat(back.getWidth()).isEqualTo(40);
    assertThat(back.getHeight()).isEqualTo(30);

    var refused =
        speaker.postMultipart(
            "/admin/me/speakers/" + other.id(),
            new Form().add("bio.ru", "Захват"),
            "photo",
            "x.jpg",
            photo);
    assertThat(refused.statusCode()).isEqualTo(404);
    assertThat(speakers.find(other.id()).orElseThrow().bio().get("ru")).isNullOrEmpty();
  }

  private UUID session(Programme p, String title, Speaker who, int days) {
    Instant start = Instant.now().plus(Duration.ofDays(days));
    return sessions
        .create(
            aigerim,
            p.id(),
            new SessionInput.Raw(
                LocalizedText.of("ru", title),
                LocalizedText.empty(),
                start,
                start.plus(Duration.ofHours(2)),
                "ONLINE",
                LocalizedText.empty(),
                null,
                "ru",
                List.of(),
                List.of(),
                "URL",
                "https://meet.example.org/x"),
            List.of(new SessionSpeaker(who.id(), SpeakerRole.PRESENTER, 0)),
            true)
        .id();
  }

  private UUID invited(UUID speakerId) {
    return jdbc.sql("select invited_user_id from speaker where id = :id")
        .param("id", speakerId)
        .query(UUID.class)
        .optional()
        .orElse(null);
  }

  private UUID linked(UUID speakerId) {
    return jdbc.sql("select user_id from speaker where id = :id")
        .param("id", speakerId)
        .query(UUID.class)
        .optional()
        .orElse(null);
  }

  private int mailQueued() {
    return jdbc.sql("select count(*) from mail_outbox where kind = 'identity.invited'")
        .query(Integer.class)
        .single();
  }

  /** A JPEG as a phone writes it: an EXIF segment with a GPS directory after the JFIF header. */
  static byte[] jpegWithGps() throws Exception {
    BufferedImage img = new BufferedImage(40, 30, BufferedImage.TYPE_INT_RGB);
    var g = img.createGraphics();
    g.setColor(Color.ORANGE);
    g.fillRect(0, 0, 40, 30);
    g.dispose();
    var plain = new ByteArrayOutputStream();
    ImageIO.write(img, "jpeg", plain);
    byte[] jpeg = plain.toByteArray();

    byte[] datum = (GPS_MARK + "\0").getBytes(StandardCharsets.US_ASCII);
    ByteBuffer tiff = ByteBuffer.allocate(56 + datum.length);
    tiff.put("MM".getBytes(StandardCharsets.US_ASCII)).putShort((short) 42).putInt(8);
    tiff.putShort((short) 1); // IFD0: one entry, the GPS directory
    tiff.putShort((short) 0x8825).putShort((short) 4).putInt(1).putInt(26);
    tiff.putInt(0);
    tiff.putShort((short) 2); // GPS IFD at 26
    tiff.putShort((short) 0x0001).putShort((short) 2).putInt(2).put(new byte[] {'N', 0, 0, 0});
    tiff.putShort((short) 0x0012).putShort((short) 2).putInt(datum.length).putInt(56);
    tiff.putInt(0);
    tiff.put(datum);
    byte[] payload = tiff.array();
    byte[] header = "Exif\0\0".getBytes(StandardCharsets.US_ASCII);
    int length = 2 + header.length + payload.length;
    var out = new ByteArrayOutputStream();
    int afterApp0 = 4 + (((jpeg[4] & 0xFF) << 8) | (jpeg[5] & 0xFF));
    out.write(jpeg, 0, afterApp0);
    out.write(new byte[] {(byte) 0xFF, (byte) 0xE1, (byte) (length >> 8), (byte) length});
    out.write(header);
    out.write(payload);
    out.write(jpeg, afterApp0, jpeg.length - afterApp0);
    return out.toByteArray();
  }
}
