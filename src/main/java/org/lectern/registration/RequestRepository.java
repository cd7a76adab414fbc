package org.lectern.registration;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.lectern.programme.ProgrammeHeading;
import org.lectern.shared.crypto.PersonalDataCipher;
import org.lectern.shared.database.Json;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * SQL for submissions waiting for their address to be confirmed (double opt-in). The validated
 * submission is kept as one encrypted JSON blob; the link's token only as a SHA-256.
 */
@Component
record RequestRepository(JdbcClient jdbc, PersonalDataCipher cipher) {

  private static final JsonMapper MAPPER = JsonMapper.builder().build();
  private static final String CONTEXT = "registration_request.entry";

  /** A stored request; {@code entry} is null once it became a registration. */
  record Stored(
      UUID id,
      UUID programmeId,
      EnrolmentService.Entry entry,
      boolean linkIssued,
      UUID registrationId,
      Instant expiresAt) {

    boolean expired(Instant now) {
      return !expiresAt.isAfter(now);
    }
  }

  void insert(
      UUID id, UUID programmeId, EnrolmentService.Entry entry, Instant now, Instant expiresAt) {
    jdbc.sql(
            """
            insert into registration_request (id, programme_id, entry, created_at, expires_at)
            values (:id, :p, :e, :c, :x)
            """)
        .param("id", id)
        .param("p", programmeId)
        .param(
            "e",
            cipher.forProgramme(programmeId).encrypt(MAPPER.writeValueAsString(entry), CONTEXT))
        .param("c", Timestamp.from(now))
        .param("x", Timestamp.from(expiresAt))
        .update();
  }

  /** Locks a request whose link is still to be issued (the mail step), or nothing. */
  Optional<Stored> lockUnprocessed(UUID id) {
    return jdbc.sql(
            SELECT + " where id = :id and token_hash is null and entry is not null for update")
        .param("id", id)
        .query((rs, i) -> map(rs))
        .optional();
  }

  /**
   * Locks up to {@code n} requests whose mail is still due, oldest first, skipping those another
   * transaction holds (another node's batch) and those in {@code skip}.
   */
  List<Stored> lockUnsettled(int n, Set<UUID> skip) {
    return jdbc.sql(
            SELECT
                + " where token_hash is null and entry is not null"
                + (skip.isEmpty() ? "" : " and id not in (:skip)")
                + " order by created_at limit :n for update skip locked")
        .params(skip.isEmpty() ? Map.of("n", n) : Map.of("n", n, "skip", skip))
        .query((rs, i) -> map(rs))
        .list();
  }

  /** The ids {@link #lockUnsettled} would take, without locking or decrypting anything. */
  List<UUID> unsettledIds(int n, Set<UUID> skip) {
    return jdbc.sql(
            "select id from registration_request where token_hash is null and entry is not null"
                + (skip.isEmpty() ? "" : " and id not in (:skip)")
                + " order by created_at limit :n")
        .params(skip.isEmpty() ? Map.of("n", n) : Map.of("n", n, "skip", skip))
        .query(UUID.class)
        .list();
  }

  /** A request locked for its confirmation, and whether its programme's form takes entries now. */
  record Locked(Stored request, boolean formOpen) {}

  /**
   * Locks the request a link's token opens (two clicks at once are served one after the other) and
   * reads in the same statement whether the form is open now — registration not closed by the
   * organiser (no settings row: open) and a published session still to come. The confirmation read
   * the whole form set-up (questions, consent, hybrid sessions) in a statement of its own for these
   * two facts (issue 16).
   */
  Optional<Locked> lockForConfirmation(String tokenHash, Instant now) {
    return jdbc.sql(
            """
            select r.id, r.programme_id, r.entry, r.token_hash is not null as issued,
                   r.registration_id, r.expires_at,
                   coalesce((select s.open from registration_settings s
                             where s.programme_id = r.programme_id), true)
                   and exists(select 1 from session_facts x where x.programme_id = r.programme_id
                              and x.status = 'PUBLISHED' and x.starts_at > :now) as form_open
            from registration_request r where r.token_hash = :h for update of r
            """)
        .param("h", tokenHash)
        .param("now", Timestamp.from(now))
        .query((rs, i) -> new Locked(map(rs), rs.getBoolean("form_open")))
        .optional();
  }

  /** A link's page: the published programme it was opened on, and the request its token opens. */
  record LinkPage(ProgrammeHeading programme, Optional<Stored> request) {}

  /**
   * What a link's page needs, in one statement (issue 16: the programme by its slug and the request
   * by its token were two): the heading of the published programme {@code slug} names (from the
   * view programme publishes) and the request, of whichever programme, that {@code tokenHash} opens
   * ("": none). Nothing is decrypted. Empty if no published programme has the slug.
   */
  Optional<LinkPage> linkPage(String slug, String tokenHash) {
    return jdbc.sql(
            """
            select f.id as p_id, f.slug as p_slug, f.title::text as p_title, f.languages as p_languages,
                   r.id, r.programme_id, null::bytea as entry, r.token_hash is not null as issued,
                   r.registration_id, r.expires_at
            from programme_facts f left join registration_request r on r.token_hash = :h
            where f.slug = :s and f.status = 'PUBLISHED'
            """)
        .param("s", slug)
        .param("h", tokenHash)
        .query(
            (rs, i) ->
                new LinkPage(
                    new ProgrammeHeading(
                        rs.getObject("p_id", UUID.class),
                        rs.getString("p_slug"),
                        Json.text(rs.getString("p_title")),
                        Arrays.asList((String[]) rs.getArray("p_languages").getArray())),
                    rs.getObject("id") == null ? Optional.empty() : Optional.of(map(rs))))
        .optional();
  }

  void issueLink(UUID id, String tokenHash) {
    jdbc.sql("update registration_request set token_hash = :h where id = :id")
        .param("id", id)
        .param("h", tokenHash)
        .update();
  }

  /** The request became a registration: its personal data goes, the link now leads there. */
  void confirmed(UUID id, UUID registrationId, Instant now) {
    jdbc.sql(
            """
            update registration_request set entry = null, registration_id = :r, confirmed_at = :t
            where id = :id
            """)
        .param("id", id)
        .param("r", registrationId)
        .param("t", Timestamp.from(now))
        .update();
  }

  void delete(UUID id) {
    jdbc.sql("delete from registration_request where id = :id").param("id", id).update();
  }

  /** Deletes every expired request, confirmed or not; returns how many. */
  int deleteExpired(Instant now) {
    return jdbc.sql("delete from registration_request where expires_at <= :t")
        .param("t", Timestamp.from(now))
        .update();
  }

  private static final String SELECT =
      """
      select id, programme_id, entry, token_hash is not null as issued, registration_id, expires_at
      from registration_request
      """;

  private Stored map(java.sql.ResultSet rs) throws java.sql.SQLException {
    byte[] blob = rs.getBytes("entry");
    return new Stored(
        rs.getObject("id", UUID.class),
        rs.getObject("programme_id", UUID.class),
        blob == null
            ? null
            : MAPPER.readValue(cipher.decrypt(blob, CONTEXT), EnrolmentService.Entry.class),
        rs.getBoolean("issued"),
        rs.getObject("registration_id", UUID.class),
        rs.getTimestamp("expires_at").toInstant());
  }
}
