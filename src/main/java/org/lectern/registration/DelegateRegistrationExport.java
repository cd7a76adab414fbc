package org.lectern.registration;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.lectern.shared.crypto.PersonalDataCipher;
import org.lectern.shared.database.Json;
import org.lectern.shared.privacy.SqlPersonalDataExport;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** A delegate's registrations as they gave them, with their answers and the consent they gave. */
@Component
@Order(1)
class DelegateRegistrationExport extends SqlPersonalDataExport {

  DelegateRegistrationExport(JdbcClient jdbc, PersonalDataCipher cipher) {
    super("registrations", jdbc, cipher);
  }

  @Override
  protected List<Map<String, Object>> rows(List<UUID> ids) {
    return jdbc.sql(
            """
            select r.*, p.slug, c.version as consent_version, c.texts as consent_texts
            from registration r join programme p on p.id = r.programme_id
            left join registration_consent c on c.id = r.consent_id
            where r.id in (:ids) order by r.created_at
            """)
        .param("ids", ids)
        .query(this::row)
        .list();
  }

  private Map<String, Object> row(ResultSet rs, int i) throws SQLException {
    Map<String, Object> m = new LinkedHashMap<>();
    UUID id = rs.getObject("id", UUID.class);
    m.put("registrationId", id.toString());
    m.put("programme", rs.getString("slug"));
    m.put("status", rs.getString("status"));
    m.put("registeredAt", rs.getTimestamp("created_at").toInstant().toString());
    m.put("fullName", dec(rs, "full_name", "registration.fullName"));
    m.put("email", dec(rs, "email", "registration.email"));
    m.put("phone", dec(rs, "phone", "registration.phone"));
    m.put("town", dec(rs, "town", "registration.town"));
    m.put("licenceNumber", dec(rs, "licence_number", "registration.licenceNumber"));
    m.put("accessibility", dec(rs, "accessibility", "registration.accessibility"));
    m.put("decisionMessage", dec(rs, "decision_message", "registration.decisionMessage"));
    m.put("region", rs.getString("region"));
    m.put("country", rs.getString("country"));
    m.put("profession", rs.getString("profession"));
    m.put("yearsOfPractice", rs.getString("years_band"));
    m.put("gender", rs.getString("gender"));
    m.put("language", rs.getString("language"));
    String lang = rs.getString("consent_language");
    Object version = rs.getObject("consent_version");
    m.put("consentVersion", version);
    m.put("consentText", version == null ? null : consent(rs.getString("consent_texts"), lang));
    m.put("answers", answers(id));
    return m;
  }

  private String dec(ResultSet rs, String column, String context) throws SQLException {
    return cipher.decrypt(rs.getBytes(column), context);
  }

  @SuppressWarnings("unchecked")
  private static String consent(String json, String lang) {
    Map<String, String> texts = Json.read(json, Map.class);
    return texts.getOrDefault(
        lang == null ? "en" : lang, texts.values().stream().findFirst().orElse(null));
  }

  private String answers(UUID registrationId) {
    List<String> out =
        jdbc.sql(
                """
                select q.label, a.choices, a.text_value from registration_answer a
                join registration_question q on q.id = a.question_id
                where a.registration_id = :r order by q.position
                """)
            .param("r", registrationId)
            .query(
                (rs, i) -> {
                  @SuppressWarnings("unchecked")
                  Map<String, String> label = Json.read(rs.getString(1), Map.class);
                  String text = cipher.decrypt(rs.getBytes(3), "registration.answer");
                  String choices =
                      String.join(", ", Arrays.asList((String[]) rs.getArray(2).getArray()));
                  String q = label.values().stream().findFirst().orElse("?");
                  return q + ": " + (text != null ? text : choices);
                })
            .list();
    return out.isEmpty() ? null : String.join("\n", out);
  }
}
