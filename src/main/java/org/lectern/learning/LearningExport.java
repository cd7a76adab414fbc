package org.lectern.learning;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.lectern.shared.crypto.PersonalDataCipher;
import org.lectern.shared.privacy.SqlPersonalDataExport;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** A delegate's own knowledge-test results, for "everything Lectern holds about me". */
@Component
@Order(5)
class LearningExport extends SqlPersonalDataExport {

  LearningExport(JdbcClient jdbc, PersonalDataCipher cipher) {
    super("learning", jdbc, cipher);
  }

  @Override
  protected List<Map<String, Object>> rows(List<UUID> ids) {
    List<Map<String, Object>> out = new java.util.ArrayList<>(attempts(ids));
    // Named feedback answers (anonymous ones hold no link to anybody and cannot be found).
    jdbc.sql(
            """
            select registration_id, satisfaction, relevance, speaker, comment_sealed, answered_on
            from learning_survey_answer where registration_id in (:ids) order by answered_on
            """)
        .param("ids", ids)
        .query(
            (rs, i) -> {
              Map<String, Object> m = new LinkedHashMap<>();
              m.put("registrationId", rs.getObject(1, UUID.class).toString());
              m.put("kind", "FEEDBACK");
              m.put("satisfaction", rs.getInt(2));
              m.put("relevance", rs.getInt(3));
              m.put("speaker", rs.getObject(4) == null ? null : rs.getInt(4));
              m.put("comment", cipher.decrypt(rs.getBytes(5), SurveyRepository.COMMENT));
              m.put("submittedAt", rs.getDate(6).toLocalDate().toString());
              return m;
            })
        .list()
        .forEach(out::add);
    return out;
  }

  private List<Map<String, Object>> attempts(List<UUID> ids) {
    return jdbc.sql(
            """
            select registration_id, kind, score, max_score, passed, submitted_at
            from learning_attempt where registration_id in (:ids) order by submitted_at
            """)
        .param("ids", ids)
        .query(
            (rs, i) -> {
              Map<String, Object> m = new LinkedHashMap<>();
              m.put("registrationId", rs.getObject(1, UUID.class).toString());
              m.put("kind", rs.getString(2));
              m.put("score", rs.getInt(3));
              m.put("maxScore", rs.getInt(4));
              m.put("passed", rs.getBoolean(5));
              m.put("submittedAt", rs.getTimestamp(6).toInstant().toString());
              return m;
            })
        .list();
  }
}
