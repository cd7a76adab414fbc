package org.lectern.live;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.lectern.identity.ApiTokenService;
import org.lectern.identity.DelegatePrincipal;
import org.lectern.identity.LecternUser;
import org.lectern.registration.RegistrationRequest;
import org.lectern.registration.RegistrationService;
import org.lectern.shared.crypto.PersonalDataCipher;
import org.lectern.support.Fixtures;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** A programme with a running session, its organiser, delegates and room participants. */
@Component
class LiveFixtures {

  private final JdbcClient jdbc;
  private final Fixtures fixtures;
  private final RegistrationService registrations;
  private final ApiTokenService tokens;
  private final PersonalDataCipher cipher;
  private final LiveAccess access;

  LiveFixtures(
      JdbcClient jdbc,
      Fixtures fixtures,
      RegistrationService registrations,
      ApiTokenService tokens,
      PersonalDataCipher cipher,
      LiveAccess access) {
    this.jdbc = jdbc;
    this.fixtures = fixtures;
    this.registrations = registrations;
    this.tokens = tokens;
    this.cipher = cipher;
    this.access = access;
  }

  record Room(UUID programmeId, UUID sessionId, LecternUser organiser, String token) {}

  /** A session that started ten minutes ago (the room is open), in a published programme. */
  Room running() {
    return room(Instant.now().minus(Duration.ofMinutes(10)));
  }

  Room room(Instant startsAt) {
    LecternUser organiser = fixtures.organiser("live");
    UUID programme = UUID.randomUUID();
    jdbc.sql(
            """
            insert into programme (id, organisation_id, slug, title, languages, time_zone, status)
            values (:id, :org, :slug, '{"en":"ICCPR webinars","ru":"Вебинары МПГПП","kk":"ХАСҚП вебинарлары"}',
              array['en','ru','kk'], 'Asia/Almaty', 'PUBLISHED')
            """)
        .param("id", programme)
        .param("org", fixtures.organisationOf(organiser))
        .param("slug", "live-" + programme.toString().substring(0, 8))
        .update();
    UUID session = session(programme, startsAt);
    session(programme, Instant.now().plus(Duration.ofDays(30)));
    return new Room(programme, session, organiser, tokens.issue(organiser.id(), "live").token());
  }

  UUID session(UUID programme, Instant startsAt) {
    UUID id = UUID.randomUUID();
    jdbc.sql(
            """
            insert into session (id, programme_id, title, starts_at, ends_at, mode, status)
            values (:id, :p, '{"en":"Article 9: detention","ru":"Статья 9: задержание","kk":"9-бап: қамау"}',
              :s, :e, 'HYBRID', 'PUBLISHED')
            """)
        .param("id", id)
        .param("p", programme)
        .param("s", Timestamp.from(startsAt))
        .param("e", Timestamp.from(startsAt.plus(Duration.ofHours(1))))
        .update();
    return id;
  }

  Viewer organiser(Room r) {
    return access.viewer(r.sessionId(), r.organiser(), null, Optional.empty());
  }

  /** Someone in the physical room who scanned the code; returns their viewer. */
  Viewer inRoom(Room r, String name) {
    String key = joinKey(r);
    Viewer outsider = access.viewer(r.sessionId(), null, null, Optional.empty());
    String pass = access.join(outsider, key, name, Optional.empty());
    return access.viewer(r.sessionId(), null, pass, Optional.empty());
  }

  String joinKey(Room r) {
    access.viewer(r.sessionId(), r.organiser(), null, Optional.empty());
    return jdbc.sql("select join_key from live_room where session_id = :s")
        .param("s", r.sessionId())
        .query(String.class)
        .single();
  }

  record Delegate(UUID registrationId, String email, String name, DelegatePrincipal principal) {}

  Delegate delegate(Room r, String name) {
    String email = "delegate-" + UUID.randomUUID().toString().substring(0, 8) + "@example.kz";
    var registered =
        registrations.register(
            r.programmeId(), RegistrationRequest.minimal(name, email, "en"), r.organiser());
    return new Delegate(
        registered.registration().id(),
        email,
        name,
        new DelegatePrincipal(cipher.emailIndex(email), email, "en"));
  }

  /** The delegate joins the room (with or without a display name); returns pass and viewer. */
  record Joined(String pass, Viewer viewer) {}

  Joined join(Room r, Delegate d, String displayName) {
    Viewer before = access.viewer(r.sessionId(), null, null, Optional.of(d.principal()));
    String pass = access.join(before, null, displayName, Optional.of(d.principal()));
    return new Joined(pass, access.viewer(r.sessionId(), null, pass, Optional.of(d.principal())));
  }

  String emailIndex(String email) {
    return cipher.emailIndex(email);
  }
}
