package org.lectern.attendance.checkin;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.lectern.attendance.AttendanceFixture;
import org.lectern.identity.UserService;
import org.lectern.programme.Programme;
import org.lectern.programme.ProgrammeRole;
import org.lectern.session.Session;
import org.lectern.session.SessionInput;
import org.lectern.shared.i18n.LocalizedText;
import org.lectern.support.Fixtures;
import org.lectern.support.Http;
import org.lectern.support.Registrations;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * What the door shows: door staff see names only inside the check-in window and only of people
 * expected in the room; nobody sees e-mail hints; outside the window the page says when the door
 * opens and the search finds nobody.
 */
class DoorListPrivacyIT extends AttendanceFixture {

  static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

  @Autowired UserService users;

  @Test
  void beforeTheWindowDoorStaffLearnWhenItOpensAndNoNames() {
    Programme p = programme("Asia/Almaty");
    Instant now = Instant.now();
    Session s = session(p, now.plus(Duration.ofHours(3)), "IN_PERSON");
    register(p, "Айгерим Сарсенбаева", "aigerim.early@mail.kz", s, null);
    Http door = doorStaff(p);
    String path = "/admin/sessions/" + s.id() + "/check-in";

    var page = door.get(path + "?lang=ru");
    assertThat(page.status()).isEqualTo(200);
    assertThat(page.body())
        .contains("Отметка откроется")
        .doesNotContain("Айгерим", "id=\"door-list\"", "id=\"q\"", "@mail.kz");
    var searched = CheckInIT.search(door, path, "Айгерим");
    assertThat(searched.status()).isEqualTo(200);
    assertThat(searched.body()).doesNotContain("Айгерим", "id=\"door-list\"");

    // The organiser still sees the list, without e-mail hints.
    var organiserPage = signedIn(organiser).get(path);
    assertThat(organiserPage.body()).contains("Айгерим Сарсенбаева").doesNotContain("@mail.kz");
  }

  @Test
  void inTheWindowDoorStaffSeeOnlyThoseExpectedInTheRoom() {
    Programme p = programme("Asia/Almaty");
    Instant now = Instant.now();
    Session s = session(p, now.plus(Duration.ofMinutes(20)), "HYBRID");
    register(p, "Айгерим Сарсенбаева", "aigerim.room@mail.kz", s, "ROOM");
    register(p, "Дана Омарова", "dana.online@mail.kz", s, "ONLINE");
    Http door = doorStaff(p);
    String path = "/admin/sessions/" + s.id() + "/check-in";

    var page = door.get(path);
    assertThat(page.status()).isEqualTo(200);
    assertThat(page.body())
        .contains("id=\"door-list\"", "Айгерим Сарсенбаева")
        .doesNotContain("Дана Омарова", "@mail.kz", "a…@");
    // Dana registered to join online: the search says she has no seat, not that no confirmed
    // delegate has her name (a volunteer would turn her away), and that her code still works.
    assertThat(door.get(path + "?lang=en").status()).isEqualTo(200);
    assertThat(CheckInIT.search(door, path, "Дана").body())
        .doesNotContain("Дана Омарова", "Nobody of that name among the confirmed delegates")
        .contains("Nobody of that name has a seat in the room", "with the code on their");
    // At a hybrid session where nobody chose the room, the list is not "no confirmed delegates".
    Session online = session(p, now.plus(Duration.ofMinutes(25)), "HYBRID");
    String onlinePath = "/admin/sessions/" + online.id() + "/check-in";
    assertThat(door.get(onlinePath).body())
        .contains("Nobody has a seat in the room yet", "with the code on their")
        .doesNotContain("No confirmed delegates yet", "Айгерим", "Дана");

    // Their back office lists the door with its time in their zone, named, and the programme's.
    assertThat(door.get("/admin?lang=en").body())
        .contains(path, "(Asia/Almaty, UTC+05:00)")
        .doesNotContain("In the programme");
    door.get("/preferences/zone?tz=Europe/London&back=/admin");
    assertThat(door.get("/admin?lang=en").body())
        .contains(path, "(Europe/London, UTC+00:00)", "zone (Asia/Almaty, UTC+05:00): ");

    // Organisers keep the whole confirmed list (someone may come to the room after all).
    assertThat(signedIn(organiser).get(path).body())
        .contains("Айгерим Сарсенбаева", "Дана Омарова")
        .doesNotContain("@mail.kz");
    assertThat(CheckInIT.search(signedIn(organiser), path, "Нет такого").body())
        .contains("Nobody of that name among the confirmed delegates");
  }

  private Session session(Programme p, Instant start, String mode) {
    return sessions.create(
        organiser,
        p.id(),
        new SessionInput.Raw(
            LocalizedText.of("en", "Door " + mode),
            LocalizedText.empty(),
            start,
            start.plus(Duration.ofHours(2)),
            mode,
            LocalizedText.of("en", "Almaty, hall 2"),
            40,
            "en",
            List.of(),
            List.of(),
            mode.equals("HYBRID") ? "URL" : null,
            mode.equals("HYBRID") ? "https://meet.example.org/door" : null),
        List.of(),
        true);
  }

  private void register(Programme p, String name, String email, Session s, String mode) {
    var r =
        Registrations.request(
            name, email, "ru", false, mode == null ? Map.of() : Map.of(s.id().toString(), mode));
    registrationService.register(p.id(), r, organiser);
  }

  private Http doorStaff(Programme p) {
    UUID id =
        users.create(
            "door-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org",
            "Volunteer",
            Fixtures.PASSWORD,
            false);
    programmes.grant(organiser, p.id(), id, ProgrammeRole.DOOR);
    return signedIn(users.find(id).orElseThrow());
  }

  private Http signedIn(org.lectern.identity.LecternUser user) {
    Http http = new Http(baseUrl());
    Matcher m = CSRF.matcher(http.get("/login").body());
    assertThat(m.find()).isTrue();
    var r =
        http.postForm(
            "/login",
            Map.of("email", user.email(), "password", Fixtures.PASSWORD, "_csrf", m.group(1)));
    assertThat(r.status()).isEqualTo(302);
    return http;
  }
}
