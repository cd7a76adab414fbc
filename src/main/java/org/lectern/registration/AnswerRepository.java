package org.lectern.registration;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.lectern.shared.crypto.PersonalDataCipher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** SQL for answers to custom questions; free text is encrypted, choices stay countable. */
@Component
record AnswerRepository(JdbcClient jdbc, PersonalDataCipher cipher) {

  private static final String CONTEXT = "registration.answer";

  void replace(UUID programmeId, UUID registrationId, List<Answer> answers) {
    var sealed = cipher.forProgramme(programmeId);
    jdbc.sql("delete from registration_answer where registration_id = :r")
        .param("r", registrationId)
        .update();
    for (Answer a : answers) {
      jdbc.sql(
              """
              insert into registration_answer (registration_id, question_id, choices, text_value)
              values (:r, :q, :c, :t)
              """)
          .param("r", registrationId)
          .param("q", a.questionId())
          .param("c", a.choices().toArray(String[]::new))
          .param("t", sealed.encrypt(a.text(), CONTEXT))
          .update();
    }
  }

  /** Answers of every registration of a programme, by registration. */
  Map<UUID, List<Answer>> ofProgramme(UUID programmeId) {
    Map<UUID, List<Answer>> m = new HashMap<>();
    jdbc.sql(
            """
            select a.registration_id, a.question_id, a.choices, a.text_value
            from registration_answer a join registration r on r.id = a.registration_id
            where r.programme_id = :p
            """)
        .param("p", programmeId)
        .query(
            (rs, i) ->
                m.computeIfAbsent(
                        rs.getObject("registration_id", UUID.class),
                        k -> new java.util.ArrayList<>())
                    .add(
                        new Answer(
                            rs.getObject("question_id", UUID.class),
                            Arrays.asList((String[]) rs.getArray("choices").getArray()),
                            cipher.decrypt(rs.getBytes("text_value"), CONTEXT))))
        .list();
    return m;
  }
}
