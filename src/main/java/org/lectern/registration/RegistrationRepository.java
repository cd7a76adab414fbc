package org.lectern.registration;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.lectern.shared.crypto.PersonalDataCipher;
import org.lectern.shared.crypto.ProgrammeCipher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * SQL for registrations. Identifying fields are encrypted here, on the way in, and decrypted on the
 * way out: no other class sees a ciphertext, and the database never sees a name or e-mail.
 */
@Component
record RegistrationRepository(JdbcClient jdbc, PersonalDataCipher cipher) {

  private static final String SELECT =
      """
      select id, programme_id, status, waitlist_seq, email, full_name, phone, town, licence_number,
             accessibility, decision_message, region, country, profession, years_band, gender,
             bar_member, language, consent_id, consent_language, invitation_id, created_at,
             updated_at, version
      from registration
      """;

  /** The blind index of an address on a programme: keyed by the programme's key (ADR 0022). */
  String emailIndex(UUID programmeId, String email) {
    return cipher.forProgramme(programmeId).emailIndex(email);
  }

  static UUID organisationOf(JdbcClient jdbc, UUID programmeId) {
    return jdbc.sql("select organisation_id from programme where id = :p")
        .param("p", programmeId)
        .query(UUID.class)
        .single();
  }

  /** Seats taken on a programme and whether anyone is on its waitlist. */
  record Seats(int confirmed, boolean waiting) {}

  Seats seats(UUID programmeId) {
    return jdbc.sql(
            """
            select count(*) filter (where status = 'CONFIRMED'),
                   coalesce(bool_or(status = 'WAITLISTED'), false)
            from registration where programme_id = :p and status in ('CONFIRMED', 'WAITLISTED')
            """)
        .param("p", programmeId)
        .query((rs, i) -> new Seats(rs.getInt(1), rs.getBoolean(2)))
        .single();
  }

  Optional<Registration> firstWaitlisted(UUID programmeId) {
    return jdbc.sql(
            SELECT
                + " where programme_id = :p and status = 'WAITLISTED' order by waitlist_seq limit 1")
        .param("p", programmeId)
        .query(this::map)
        .optional();
  }

  int waitlistPosition(UUID programmeId, long seq) {
    return jdbc.sql(
            """
            select count(*) from registration
            where programme_id = :p and status = 'WAITLISTED' and waitlist_seq <= :s
            """)
        .param("p", programmeId)
        .param("s", seq)
        .query(Integer.class)
        .single();
  }

  Optional<Registration> find(UUID id) {
    return jdbc.sql(SELECT + " where id = :id").param("id", id).query(this::map).optional();
  }

  /** The registrations among {@code ids} that exist, in one statement (the mail step's batch). */
  List<Registration> findAll(java.util.Collection<UUID> ids) {
    if (ids.isEmpty()) {
      return List.of();
    }
    // An array, not a list: one text for any number of ids, planned once per connection.
    return jdbc.sql(SELECT + " where id = any(cast(:ids as uuid[]))")
        .param("ids", ids.toArray(UUID[]::new))
        .query(this::map)
        .list();
  }

  Optional<Registration> findByEmail(UUID programmeId, String email) {
    return findByEmailIndex(programmeId, emailIndex(programmeId, email));
  }

  Optional<Registration> findByEmailIndex(UUID programmeId, String emailIndex) {
    return jdbc.sql(SELECT + " where programme_id = :p and email_index = :e")
        .param("p", programmeId)
        .param("e", emailIndex)
        .query(this::map)
        .optional();
  }

  /**
   * The delegate's identifying fields encrypted, and the address's blind index, for one programme:
   * computed before the programme's lock is taken, so the lock is never held for cryptography.
   */
  record Sealed(String emailIndex, Map<String, Object> columns) {}

  Sealed seal(UUID programmeId, DelegateDetails d) {
    ProgrammeCipher sealed = cipher.forProgramme(programmeId);
    Map<String, Object> m = new HashMap<>();
    String index = sealed.emailIndex(d.email());
    m.put("ei", index);
    m.put("email", sealed.encrypt(d.email().strip(), "registration.email"));
    m.put("name", sealed.encrypt(d.fullName(), "registration.fullName"));
    m.put("phone", sealed.encrypt(d.phone(), "registration.phone"));
    m.put("town", sealed.encrypt(d.town(), "registration.town"));
    m.put("licence", sealed.encrypt(d.licenceNumber(), "registration.licenceNumber"));
    m.put("access", sealed.encrypt(d.accessibility(), "registration.accessibility"));
    return new Sealed(index, m);
  }

  /**
   * Everywhere the address is registered: its index in each programme that has a key (an index is
   * unique within a programme, so the pair names at most one registration each).
   */
  List<Registration> ofEmail(String email) {
    List<Object[]> indexes =
        cipher.programmesWithKeys().stream()
            .map(p -> new Object[] {p, cipher.forProgramme(p).emailIndex(email)})
            .toList();
    if (indexes.isEmpty()) {
      return List.of();
    }
    return jdbc.sql(SELECT + " where (programme_id, email_index) in (:e) order by created_at desc")
        .param("e", indexes)
        .query(this::map)
        .list();
  }

  List<Registration> ofProgramme(
      UUID programmeId, RegistrationStatus status, int limit, int offset) {
    return jdbc.sql(
            SELECT
                + """
                 where programme_id = :p and (:s::text is null or status = :s)
                 order by created_at, id limit :l offset :o
                """)
        .param("p", programmeId)
        .param("s", status == null ? null : status.name())
        .param("l", limit)
        .param("o", offset)
        .query(this::map)
        .list();
  }

  int count(UUID programmeId, RegistrationStatus status) {
    return jdbc.sql(
            "select count(*) from registration where programme_id = :p and (:s::text is null or status = :s)")
        .param("p", programmeId)
        .param("s", status == null ? null : status.name())
        .query(Integer.class)
        .single();
  }

  Map<String, Integer> countsByStatus(UUID programmeId) {
    Map<String, Integer> m = new HashMap<>();
    jdbc.sql("select status, count(*) from registration where programme_id = :p group by status")
        .param("p", programmeId)
        .query((rs, i) -> m.put(rs.getString(1), rs.getInt(2)))
        .list();
    return m;
  }

  void insert(Registration r) {
    insert(r, seal(r.programmeId(), r.details()));
  }

  static final String INSERT = InsertColumn.INSERT;

  /** Inserts with the personal fields already sealed for the registration's details. */
  void insert(Registration r, Sealed sealed) {
    jdbc.sql(INSERT).params(insertParams(r, sealed)).update();
  }

  /** The parameters of {@link #INSERT}. */
  Map<String, Object> insertParams(Registration r, Sealed sealed) {
    Map<String, Object> m = columns(r, sealed);
    m.put("id", r.id());
    m.put("p", r.programmeId());
    m.put("created", Timestamp.from(r.createdAt()));
    m.put("invitation", r.invitationId());
    return m;
  }

  /** Optimistic as well as locked: a stale copy never overwrites a newer state. */
  boolean update(Registration r) {
    return jdbc.sql(
                """
                update registration set status = :status, waitlist_seq = :seq, email_index = :ei,
                  email = :email, full_name = :name, phone = :phone, town = :town,
                  licence_number = :licence, accessibility = :access, decision_message = :message,
                  region = :region, country = :country, profession = :profession,
                  years_band = :years, gender = :gender, bar_member = :bar, language = :lang,
                  consent_id = :consent, consent_language = :consentLang, updated_at = :updated,
                  version = version + 1
                where id = :id and version = :version
                """)
            .param("id", r.id())
            .param("version", r.version())
            .params(columns(r, seal(r.programmeId(), r.details())))
            .update()
        == 1;
  }

  private Map<String, Object> columns(Registration r, Sealed sealed) {
    DelegateDetails d = r.details();
    Map<String, Object> m = new HashMap<>(sealed.columns());
    m.put("status", r.status().name());
    m.put("seq", r.waitlistSeq());
    m.put(
        "message",
        r.decisionMessage() == null
            ? null
            : cipher
                .forProgramme(r.programmeId())
                .encrypt(r.decisionMessage(), "registration.decisionMessage"));
    m.put("region", d.region());
    m.put("country", d.country());
    m.put("profession", d.profession());
    m.put("years", d.yearsBand());
    m.put("gender", d.gender());
    m.put("bar", d.barMember());
    m.put("lang", d.language());
    m.put("consent", r.consentId());
    m.put("consentLang", r.consentLanguage());
    m.put("updated", Timestamp.from(r.updatedAt()));
    return m;
  }

  private Registration map(ResultSet rs, int row) throws SQLException {
    DelegateDetails d =
        new DelegateDetails(
            dec(rs, "full_name", "registration.fullName"),
            dec(rs, "email", "registration.email"),
            dec(rs, "phone", "registration.phone"),
            rs.getString("region"),
            rs.getString("country"),
            dec(rs, "town", "registration.town"),
            rs.getString("profession"),
            rs.getString("years_band"),
            rs.getString("gender"),
            (Boolean) rs.getObject("bar_member"),
            dec(rs, "licence_number", "registration.licenceNumber"),
            rs.getString("language"),
            dec(rs, "accessibility", "registration.accessibility"));
    return new Registration(
        rs.getObject("id", UUID.class),
        rs.getObject("programme_id", UUID.class),
        RegistrationStatus.valueOf(rs.getString("status")),
        (Long) rs.getObject("waitlist_seq"),
        d,
        rs.getObject("consent_id", UUID.class),
        rs.getString("consent_language"),
        rs.getObject("invitation_id", UUID.class),
        dec(rs, "decision_message", "registration.decisionMessage"),
        rs.getTimestamp("created_at").toInstant(),
        rs.getTimestamp("updated_at").toInstant(),
        rs.getInt("version"));
  }

  private String dec(ResultSet rs, String column, String context) throws SQLException {
    return cipher.decrypt(rs.getBytes(column), context);
  }
}
