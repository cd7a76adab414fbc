package org.lectern.demo;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.UUID;
import org.lectern.attendance.CompletionRule;
import org.lectern.attendance.ProgrammeAttendance;
import org.lectern.attendance.importing.AttendanceImportService;
import org.lectern.attendance.importing.ImportChoices;
import org.lectern.identity.LecternUser;
import org.lectern.registration.DelegateContact;
import org.lectern.registration.RegistrationService;
import org.lectern.session.Session;
import org.lectern.session.SessionService;
import org.springframework.stereotype.Component;

/**
 * Attendance for the demo's past online sessions: for each one, a participants report in Zoom's CSV
 * format, generated from a fixed seed and imported like an organiser's upload, so the dashboard
 * shows who came, who completed and from where. Some delegates came to every session, some dropped
 * out; people join a few minutes early, leave early, reconnect; a few appear without their e-mail
 * (matched by name), and a host and guests nobody registered are in every file.
 */
@Component
record DemoAttendance(
    SessionService sessions,
    RegistrationService registrations,
    AttendanceImportService imports,
    ProgrammeAttendance attendance,
    Clock clock) {

  private static final DateTimeFormatter ZOOM =
      DateTimeFormatter.ofPattern("MM/dd/yyyy hh:mm:ss a", Locale.US);
  private static final String HEADER =
      "Name (Original Name),User Email,Join Time,Leave Time,Duration (Minutes),Guest,"
          + "Recording Consent\n";

  /** Imports the reports; completion: 75 % of at least {@code sessionsRequired} sessions. */
  void record(
      LecternUser organiser, UUID programmeId, ZoneId zone, int sessionsRequired, long seed) {
    attendance.changeRule(organiser, programmeId, CompletionRule.of(75, sessionsRequired));
    Random random = new Random(seed);
    List<DelegateContact> people = registrations.confirmedContactsOf(programmeId);
    Map<UUID, Double> keen = new HashMap<>();
    // Six in ten are regulars; the others came once or twice and drifted away.
    people.forEach(
        p ->
            keen.put(
                p.registrationId(),
                random.nextInt(10) < 6
                    ? 0.8 + 0.18 * random.nextDouble()
                    : 0.2 + 0.4 * random.nextDouble()));
    Instant now = clock.instant();
    for (Session s : sessions.publishedOfProgramme(programmeId)) {
      if (!s.endsAt().isBefore(now)) {
        continue;
      }
      StringBuilder csv = new StringBuilder(HEADER);
      row(
          csv,
          "Host (LPRC)",
          "host@demo.lectern.example",
          s.startsAt().minusSeconds(900),
          s.endsAt().plusSeconds(600),
          zone,
          false);
      for (DelegateContact p : people) {
        if (random.nextDouble() > keen.get(p.registrationId())) {
          continue;
        }
        String email = random.nextInt(10) == 0 ? "" : p.email();
        Instant join = s.startsAt().minusSeconds(random.nextInt(480));
        Instant leave =
            random.nextInt(10) < 8
                ? s.endsAt().plusSeconds(random.nextInt(300))
                : s.startsAt().plus(Duration.ofMinutes(20 + random.nextInt(80)));
        if (random.nextInt(7) == 0 && Duration.between(join, leave).toMinutes() > 40) {
          Instant drop = join.plus(Duration.ofMinutes(15 + random.nextInt(15)));
          row(csv, p.fullName(), email, join, drop, zone, false);
          join = drop.plusSeconds(60 + random.nextInt(240));
        }
        row(csv, p.fullName(), email, join, leave, zone, false);
      }
      for (int g = 1; g <= 3; g++) {
        row(
            csv,
            "iPhone " + g,
            "",
            s.startsAt().plusSeconds(600L * g),
            s.startsAt().plusSeconds(600L * g + 1200),
            zone,
            true);
      }
      imports.importFile(
          organiser,
          s.id(),
          csv.toString().getBytes(StandardCharsets.UTF_8),
          new ImportChoices(Optional.of(zone), Optional.empty(), Optional.empty()));
    }
  }

  private static void row(
      StringBuilder csv,
      String name,
      String email,
      Instant join,
      Instant leave,
      ZoneId zone,
      boolean guest) {
    csv.append(name.replace(",", " "))
        .append(',')
        .append(email)
        .append(',')
        .append(ZOOM.format(join.atZone(zone)))
        .append(',')
        .append(ZOOM.format(leave.atZone(zone)))
        .append(',')
        .append(Math.max(1, Duration.between(join, leave).toMinutes()))
        .append(',')
        .append(guest ? "Yes" : "No")
        .append(",Y\n");
  }
}
