package org.lectern.programme;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.lectern.shared.database.Json;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** SQL for programmes and people's roles on them ({@link ProgrammePartnerRepository}: partners). */
@Component
record ProgrammeRepository(JdbcClient jdbc) {

  private static final String SELECT =
      """
      select id, organisation_id, slug, title::text as title, description::text as description,
             languages, time_zone, cpd_hours, capacity, waitlist, approval_required, status,
             version, created_at, updated_at
      from programme
      """;

  Optional<Programme> find(UUID id) {
    return jdbc.sql(SELECT + " where id = :id").param("id", id).query(this::map).optional();
  }

  Optional<Programme> findBySlug(String slug) {
    return jdbc.sql(SELECT + " where slug = :s").param("s", slug).query(this::map).optional();
  }

  Optional<ProgrammeHeading> publishedHeading(String slug) {
    return jdbc.sql(
            """
            select id, slug, title::text as title, languages from programme
            where slug = :s and status = 'PUBLISHED'
            """)
        .param("s", slug)
        .query(
            (rs, i) ->
                new ProgrammeHeading(
                    rs.getObject("id", UUID.class),
                    rs.getString("slug"),
                    Json.text(rs.getString("title")),
                    Arrays.asList((String[]) rs.getArray("languages").getArray())))
        .optional();
  }

  boolean slugTaken(String slug, UUID exceptId) {
    return jdbc.sql("select exists(select 1 from programme where slug = :s and id <> :id)")
        .param("s", slug)
        .param("id", exceptId == null ? new UUID(0, 0) : exceptId)
        .query(Boolean.class)
        .single();
  }

  List<Programme> published() {
    return jdbc.sql(SELECT + " where status = 'PUBLISHED' order by created_at desc")
        .query(this::map)
        .list();
  }

  /** Programmes a person may see beyond the published ones. */
  List<Programme> visibleTo(UUID userId, boolean platformAdmin, int limit, int offset) {
    return jdbc.sql(SELECT + " where " + VISIBLE + " order by created_at desc limit :l offset :o")
        .param("u", userId)
        .param("admin", platformAdmin)
        .param("l", limit)
        .param("o", offset)
        .query(this::map)
        .list();
  }

  int countVisibleTo(UUID userId, boolean platformAdmin) {
    return jdbc.sql("select count(*) from programme where " + VISIBLE)
        .param("u", userId)
        .param("admin", platformAdmin)
        .query(Integer.class)
        .single();
  }

  private static final String VISIBLE =
      """
      (status = 'PUBLISHED' or :admin
       or organisation_id in (select organisation_id from organisation_member_facts where user_id = :u)
       or id in (select programme_id from programme_member where user_id = :u)
       or id in (select po.programme_id from programme_organisation po
                 join organisation_member_facts om on om.organisation_id = po.organisation_id
                 where po.role = 'CO_ORGANISER' and po.accepted_at is not null
                   and om.user_id = :u))
      """;

  void insert(Programme p) {
    jdbc.sql(
            """
            insert into programme (id, organisation_id, slug, title, description, languages,
              time_zone, cpd_hours, capacity, waitlist, approval_required, status)
            values (:id, :org, :slug, :title, :description, :languages, :zone, :cpd, :capacity,
              :waitlist, :approval, :status)
            """)
        .param("id", p.id())
        .param("org", p.organisationId())
        .params(columns(p))
        .update();
  }

  /** Optimistic: returns false when someone else changed the programme in between. */
  boolean update(Programme p) {
    return jdbc.sql(
                """
                update programme set slug = :slug, title = :title, description = :description,
                  languages = :languages, time_zone = :zone, cpd_hours = :cpd, capacity = :capacity,
                  waitlist = :waitlist, approval_required = :approval, status = :status,
                  version = version + 1, updated_at = now()
                where id = :id and version = :version
                """)
            .param("id", p.id())
            .param("version", p.version())
            .params(columns(p))
            .update()
        == 1;
  }

  private static java.util.Map<String, Object> columns(Programme p) {
    var m = new java.util.HashMap<String, Object>();
    m.put("slug", p.slug());
    m.put("title", Json.jsonb(p.title()));
    m.put("description", Json.jsonb(p.description()));
    m.put("languages", p.languages().toArray(String[]::new));
    m.put("zone", p.timeZone().getId());
    m.put("cpd", p.cpdHours());
    m.put("capacity", p.capacity());
    m.put("waitlist", p.waitlist());
    m.put("approval", p.approvalRequired());
    m.put("status", p.status().name());
    return m;
  }

  void addMember(UUID programmeId, UUID userId, ProgrammeRole role) {
    jdbc.sql(
            """
            insert into programme_member (programme_id, user_id, role) values (:p, :u, :r)
            on conflict do nothing
            """)
        .param("p", programmeId)
        .param("u", userId)
        .param("r", role.name())
        .update();
  }

  /** A row of programme_member: who, which role, since when. */
  record Membership(UUID userId, ProgrammeRole role, java.time.Instant grantedAt) {}

  List<Membership> members(UUID programmeId) {
    return jdbc.sql(
            "select user_id, role, created_at from programme_member where programme_id = :p")
        .param("p", programmeId)
        .query(
            (rs, i) ->
                new Membership(
                    rs.getObject("user_id", UUID.class),
                    ProgrammeRole.valueOf(rs.getString("role")),
                    instant(rs.getTimestamp("created_at"))))
        .list();
  }

  void removeMember(UUID programmeId, UUID userId, ProgrammeRole role) {
    jdbc.sql("delete from programme_member where programme_id = :p and user_id = :u and role = :r")
        .param("p", programmeId)
        .param("u", userId)
        .param("r", role.name())
        .update();
  }

  int organisersOtherThan(UUID programmeId, UUID userId) {
    return jdbc.sql(
            """
            select count(*) from programme_member
            where programme_id = :p and role = 'ORGANISER' and user_id <> :u
            """)
        .param("p", programmeId)
        .param("u", userId)
        .query(Integer.class)
        .single();
  }

  /** Holds the programme row until commit, so changes to who manages it are serialised. */
  void lock(UUID programmeId) {
    jdbc.sql("select id from programme where id = :p for update")
        .param("p", programmeId)
        .query(UUID.class)
        .optional();
  }

  /** Whether the person belongs to an organisation that co-organises the programme. */
  boolean coOrganises(UUID programmeId, UUID userId) {
    return jdbc.sql(
            """
            select exists(select 1 from programme_organisation po
              join organisation_member_facts om on om.organisation_id = po.organisation_id
              where po.programme_id = :p and po.role = 'CO_ORGANISER'
                and po.accepted_at is not null and om.user_id = :u)
            """)
        .param("p", programmeId)
        .param("u", userId)
        .query(Boolean.class)
        .single();
  }

  /** A member of a co-organising organisation: who, and through which organisation. */
  record ViaPartner(UUID userId, UUID organisationId) {}

  List<ViaPartner> viaPartners(UUID programmeId) {
    return jdbc.sql(
            """
            select om.user_id, po.organisation_id from programme_organisation po
              join organisation_member_facts om on om.organisation_id = po.organisation_id
              where po.programme_id = :p and po.role = 'CO_ORGANISER'
                and po.accepted_at is not null
            """)
        .param("p", programmeId)
        .query((rs, i) -> new ViaPartner(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class)))
        .list();
  }

  List<ProgrammeRole> rolesOf(UUID programmeId, UUID userId) {
    return jdbc.sql("select role from programme_member where programme_id = :p and user_id = :u")
        .param("p", programmeId)
        .param("u", userId)
        .query((rs, i) -> ProgrammeRole.valueOf(rs.getString(1)))
        .list();
  }

  private Programme map(ResultSet rs, int row) throws SQLException {
    return new Programme(
        rs.getObject("id", UUID.class),
        rs.getObject("organisation_id", UUID.class),
        rs.getString("slug"),
        Json.text(rs.getString("title")),
        Json.text(rs.getString("description")),
        Arrays.asList((String[]) rs.getArray("languages").getArray()),
        ZoneId.of(rs.getString("time_zone")),
        rs.getBigDecimal("cpd_hours"),
        (Integer) rs.getObject("capacity"),
        rs.getBoolean("waitlist"),
        rs.getBoolean("approval_required"),
        PublicationStatus.valueOf(rs.getString("status")),
        rs.getInt("version"),
        instant(rs.getTimestamp("created_at")),
        instant(rs.getTimestamp("updated_at")));
  }

  private static java.time.Instant instant(Timestamp t) {
    return t == null ? null : t.toInstant();
  }
}
