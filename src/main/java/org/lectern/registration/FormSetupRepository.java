package org.lectern.registration;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.lectern.shared.database.Json;
import org.lectern.shared.i18n.LocalizedText;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** SQL for what a programme's form asks: settings, custom questions and consent versions. */
@Component
record FormSetupRepository(JdbcClient jdbc) {

  private static final JsonMapper MAPPER = JsonMapper.builder().build();

  FormSettings settings(UUID programmeId) {
    return jdbc.sql(
            """
            select fields, required_fields, invitation_only, open
            from registration_settings where programme_id = :p
            """)
        .param("p", programmeId)
        .query(
            (rs, i) ->
                new FormSettings(
                    programmeId,
                    fields((String[]) rs.getArray("fields").getArray()),
                    fields((String[]) rs.getArray("required_fields").getArray()),
                    rs.getBoolean("invitation_only"),
                    rs.getBoolean("open")))
        .optional()
        .orElse(FormSettings.defaults(programmeId));
  }

  /**
   * The whole form set-up of a programme in one round trip (it was four statements per
   * registration: settings, consent, questions, sessions — issue 16). Sessions: published ones
   * starting after {@code now}; hybrid ones are where delegates choose room or online.
   */
  RegistrationForm form(UUID programmeId, Instant now) {
    return jdbc.sql(
            "select " + FORM_COLUMNS + " from (select cast(:p as uuid) as id) k " + FORM_JOINS)
        .param("p", programmeId)
        .param("now", Timestamp.from(now))
        .query((rs, i) -> form(programmeId, rs))
        .single();
  }

  /**
   * The form set-up's columns, for a statement whose programme is {@code k} (its id {@code k.id})
   * joined with {@link #FORM_JOINS}, and a parameter {@code :now}; read by {@link #form(UUID,
   * ResultSet)}. The group path reads them in its SHARE-lock statement ({@link
   * FreeSeats#shareWhole}).
   */
  static final String FORM_COLUMNS =
      """
      s.fields, s.required_fields, s.invitation_only, s.open,
             c.id as consent_id, c.version as consent_version, c.texts::text as consent_texts,
             (select coalesce(json_agg(json_build_object('id', q.id, 'position', q.position,
                 'kind', q.kind, 'label', q.label, 'options', q.options,
                 'required', q.required, 'active', q.active)
                 order by q.position, q.created_at), '[]')
              from registration_question q where q.programme_id = k.id)::text as questions,
             array(select x.id from session x where x.programme_id = k.id
               and x.status = 'PUBLISHED' and x.mode = 'HYBRID' and x.starts_at > :now)
               as hybrid,
             exists(select 1 from session x where x.programme_id = k.id
               and x.status = 'PUBLISHED' and x.starts_at > :now) as upcoming
      """;

  /** The joins {@link #FORM_COLUMNS} read from. */
  static final String FORM_JOINS =
      """
      left join registration_settings s on s.programme_id = k.id
      left join lateral (select id, version, texts from registration_consent
        where programme_id = k.id order by version desc limit 1) c on true
      """;

  /** The form set-up from a row with {@link #FORM_COLUMNS}. */
  static RegistrationForm form(UUID programmeId, ResultSet rs) throws SQLException {
    var settings =
        rs.getArray("fields") == null
            ? FormSettings.defaults(programmeId)
            : new FormSettings(
                programmeId,
                fields((String[]) rs.getArray("fields").getArray()),
                fields((String[]) rs.getArray("required_fields").getArray()),
                rs.getBoolean("invitation_only"),
                rs.getBoolean("open"));
    UUID consentId = rs.getObject("consent_id", UUID.class);
    var consent =
        consentId == null
            ? Optional.<Consent>empty()
            : Optional.of(
                new Consent(
                    consentId,
                    programmeId,
                    rs.getInt("consent_version"),
                    Json.text(rs.getString("consent_texts"))));
    Set<UUID> hybrid = new LinkedHashSet<>();
    for (Object id : (Object[]) rs.getArray("hybrid").getArray()) {
      hybrid.add((UUID) id);
    }
    return new RegistrationForm(
        settings,
        consent,
        questions(programmeId, rs.getString("questions")),
        hybrid,
        rs.getBoolean("upcoming"));
  }

  private static List<Question> questions(UUID programmeId, String json) {
    List<Question> list = new ArrayList<>();
    for (JsonNode n : MAPPER.readTree(json)) {
      list.add(
          new Question(
              UUID.fromString(n.get("id").asString()),
              programmeId,
              n.get("position").asInt(),
              Question.Kind.valueOf(n.get("kind").asString()),
              Json.text(n.get("label").toString()),
              options(n.get("options").toString()),
              n.get("required").asBoolean(),
              n.get("active").asBoolean()));
    }
    return list;
  }

  /** Whether public registrations must be confirmed from the address (default: yes). */
  boolean doubleOptIn(UUID programmeId) {
    return jdbc.sql("select double_opt_in from registration_settings where programme_id = :p")
        .param("p", programmeId)
        .query(Boolean.class)
        .optional()
        .orElse(true);
  }

  void saveDoubleOptIn(UUID programmeId, boolean on) {
    jdbc.sql(
            """
            insert into registration_settings (programme_id, double_opt_in) values (:p, :on)
            on conflict (programme_id) do update set double_opt_in = excluded.double_opt_in,
              updated_at = now()
            """)
        .param("p", programmeId)
        .param("on", on)
        .update();
  }

  void saveSettings(FormSettings s) {
    jdbc.sql(
            """
            insert into registration_settings
              (programme_id, fields, required_fields, invitation_only, open)
            values (:p, :f, :r, :inv, :open)
            on conflict (programme_id) do update set fields = excluded.fields,
              required_fields = excluded.required_fields, invitation_only = excluded.invitation_only,
              open = excluded.open, updated_at = now()
            """)
        .param("p", s.programmeId())
        .param("f", s.fields().stream().map(Enum::name).toArray(String[]::new))
        .param("r", s.required().stream().map(Enum::name).toArray(String[]::new))
        .param("inv", s.invitationOnly())
        .param("open", s.open())
        .update();
  }

  private static Set<StandardField> fields(String[] names) {
    Set<StandardField> set = EnumSet.noneOf(StandardField.class);
    for (String n : names) {
      StandardField.parse(n).ifPresent(set::add);
    }
    return set;
  }

  List<Question> questions(UUID programmeId) {
    return jdbc.sql(
            """
            select id, position, kind, label::text as label, options::text as options, required,
                   active
            from registration_question where programme_id = :p order by position, created_at
            """)
        .param("p", programmeId)
        .query(
            (rs, i) ->
                new Question(
                    rs.getObject("id", UUID.class),
                    programmeId,
                    rs.getInt("position"),
                    Question.Kind.valueOf(rs.getString("kind")),
                    Json.text(rs.getString("label")),
                    options(rs.getString("options")),
                    rs.getBoolean("required"),
                    rs.getBoolean("active")))
        .list();
  }

  void saveQuestion(Question q) {
    jdbc.sql(
            """
            insert into registration_question
              (id, programme_id, position, kind, label, options, required, active)
            values (:id, :p, :pos, :kind, :label, :options, :req, :active)
            on conflict (id) do update set position = excluded.position, kind = excluded.kind,
              label = excluded.label, options = excluded.options, required = excluded.required,
              active = excluded.active
            """)
        .param("id", q.id())
        .param("p", q.programmeId())
        .param("pos", q.position())
        .param("kind", q.kind().name())
        .param("label", Json.jsonb(q.label()))
        .param("options", Json.jsonb(optionsJson(q.options())))
        .param("req", q.required())
        .param("active", q.active())
        .update();
  }

  private static List<Question.Option> options(String json) {
    List<Question.Option> list = new ArrayList<>();
    for (JsonNode n : MAPPER.readTree(json)) {
      list.add(
          new Question.Option(n.get("value").asString(), Json.text(n.get("label").toString())));
    }
    return list;
  }

  private static String optionsJson(List<Question.Option> options) {
    var array = MAPPER.createArrayNode();
    for (Question.Option o : options) {
      var node = array.addObject();
      node.put("value", o.value());
      var label = node.putObject("label");
      o.label().values().forEach(label::put);
    }
    return array.toString();
  }

  Optional<Consent> currentConsent(UUID programmeId) {
    return jdbc.sql(
            """
            select id, version, texts::text as texts from registration_consent
            where programme_id = :p order by version desc limit 1
            """)
        .param("p", programmeId)
        .query(
            (rs, i) ->
                new Consent(
                    rs.getObject("id", UUID.class),
                    programmeId,
                    rs.getInt("version"),
                    Json.text(rs.getString("texts"))))
        .optional();
  }

  /** A new version; concurrent editors get distinct versions or a unique violation, never both. */
  Consent addConsent(UUID programmeId, LocalizedText texts) {
    UUID id = UUID.randomUUID();
    int version =
        jdbc.sql(
                """
                insert into registration_consent (id, programme_id, version, texts)
                select :id, :p, coalesce(max(version), 0) + 1, :t
                from registration_consent where programme_id = :p
                returning version
                """)
            .param("id", id)
            .param("p", programmeId)
            .param("t", Json.jsonb(texts))
            .query(Integer.class)
            .single();
    return new Consent(id, programmeId, version, texts);
  }
}
