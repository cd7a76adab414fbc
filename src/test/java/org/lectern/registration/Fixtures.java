package org.lectern.registration;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.lectern.identity.ApiTokenService;
import org.lectern.identity.LecternUser;
import org.lectern.identity.UserService;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Organisations, organisers, programmes and sessions for registration tests, straight in SQL. */
final class Fixtures {

  private final JdbcClient jdbc;
  private final UserService users;
  private final ApiTokenService tokens;

  Fixtures(JdbcClient jdbc, UserService users, ApiTokenService tokens) {
    this.jdbc = jdbc;
    this.users = users;
    this.tokens = tokens;
  }

  UUID organisation() {
    UUID id = UUID.randomUUID();
    jdbc.sql("insert into organisation (id, slug, name) values (:id, :slug, '{\"en\":\"Org\"}')")
        .param("id", id)
        .param("slug", "org-" + id.toString().substring(0, 8))
        .update();
    return id;
  }

  LecternUser organiser(UUID organisation) {
    String email = "organiser-" + UUID.randomUUID() + "@example.org";
    UUID id = users.create(email, "Organiser", "a-long-password-123", false);
    users.grantOrganisationRole(organisation, id, "ORGANISER");
    return users.find(id).orElseThrow();
  }

  String token(LecternUser user) {
    return tokens.issue(user.id(), "test").token();
  }

  /** A published programme with one published session next month. */
  UUID programme(UUID organisation, Integer capacity, boolean waitlist, boolean approval) {
    UUID id = programme(organisation, capacity, waitlist, approval, true);
    session(id, Instant.now().plus(30, ChronoUnit.DAYS), "ONLINE", null);
    return id;
  }

  UUID programme(
      UUID organisation, Integer capacity, boolean waitlist, boolean approval, boolean published) {
    UUID id = UUID.randomUUID();
    jdbc.sql(
            """
            insert into programme (id, organisation_id, slug, title, languages, time_zone,
              capacity, waitlist, approval_required, status)
            values (:id, :org, :slug, '{"en":"ICCPR webinars","ru":"Вебинары МПГПП","kk":"ХАСҚП вебинарлары"}',
              array['en','ru','kk'], 'Asia/Almaty', :cap, :wl, :ap, :st)
            """)
        .param("id", id)
        .param("org", organisation)
        .param("slug", "p-" + id.toString().substring(0, 8))
        .param("cap", capacity)
        .param("wl", waitlist)
        .param("ap", approval)
        .param("st", published ? "PUBLISHED" : "DRAFT")
        .update();
    return id;
  }

  String slug(UUID programmeId) {
    return jdbc.sql("select slug from programme where id = :id")
        .param("id", programmeId)
        .query(String.class)
        .single();
  }

  UUID session(UUID programmeId, Instant startsAt, String mode, Integer roomCapacity) {
    UUID id = UUID.randomUUID();
    jdbc.sql(
            """
            insert into session (id, programme_id, title, starts_at, ends_at, mode, room_capacity,
              language, status)
            values (:id, :p, '{"en":"Fair trial"}', :s, :e, :m, :rc, 'en', 'PUBLISHED')
            """)
        .param("id", id)
        .param("p", programmeId)
        .param("s", Timestamp.from(startsAt))
        .param("e", Timestamp.from(startsAt.plus(2, ChronoUnit.HOURS)))
        .param("m", mode)
        .param("rc", roomCapacity)
        .update();
    return id;
  }

  int count(UUID programmeId, String status) {
    return jdbc.sql("select count(*) from registration where programme_id = :p and status = :s")
        .param("p", programmeId)
        .param("s", status)
        .query(Integer.class)
        .single();
  }

  int count(UUID programmeId) {
    return jdbc.sql("select count(*) from registration where programme_id = :p")
        .param("p", programmeId)
        .query(Integer.class)
        .single();
  }
}
