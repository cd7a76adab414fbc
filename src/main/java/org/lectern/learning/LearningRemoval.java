package org.lectern.learning;

import java.util.List;
import java.util.UUID;
import org.lectern.shared.privacy.PersonalDataRemoval;
import org.lectern.shared.privacy.RemovalReason;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Learning keeps its anonymous figures: scores stay on the registration row (which the registration
 * module strips of name and address), so pre/post pairs and the report's counts survive; survey
 * ratings stay. What a person wrote in their own words (survey comments, follow-up examples) goes,
 * and so do the options a person chose (only the right/wrong mark per question stays, for question
 * difficulty) and the traces of opening recordings (hashed browser and address, personal links).
 * Catch-up results stay with the stripped registration, so completion figures survive.
 */
@Component
record LearningRemoval(JdbcClient jdbc) implements PersonalDataRemoval {

  @Override
  public void anonymiseProgramme(UUID programmeId, RemovalReason reason) {
    // Hashed browsers and addresses of recording views, the links and who downloaded materials
    // are traces of a person.
    for (String table :
        List.of(
            "learning_recording_view", "learning_recording_link", "learning_material_download")) {
      jdbc.sql(
              "delete from "
                  + table
                  + " where session_id in (select id from session_facts where programme_id = :p)")
          .param("p", programmeId)
          .update();
    }
    jdbc.sql(
            "update learning_survey_answer set comment_sealed = null, registration_id = null"
                + " where programme_id = :p")
        .param("p", programmeId)
        .update();
    jdbc.sql(
            "update learning_follow_up_answer set example_sealed = null, registration_id = null"
                + " where programme_id = :p")
        .param("p", programmeId)
        .update();
    jdbc.sql(
            "update learning_answer set chosen = '{}' where attempt_id in"
                + " (select id from learning_attempt where programme_id = :p)")
        .param("p", programmeId)
        .update();
  }

  @Override
  public void eraseRegistrations(List<UUID> ids, RemovalReason reason) {
    for (String table :
        List.of(
            "learning_recording_view", "learning_recording_link", "learning_material_download")) {
      jdbc.sql("delete from " + table + " where registration_id in (:ids)")
          .param("ids", ids)
          .update();
    }
    jdbc.sql(
            "update learning_survey_answer set comment_sealed = null, registration_id = null"
                + " where registration_id in (:ids)")
        .param("ids", ids)
        .update();
    jdbc.sql(
            "update learning_follow_up_answer set example_sealed = null, registration_id = null"
                + " where registration_id in (:ids)")
        .param("ids", ids)
        .update();
    jdbc.sql(
            "update learning_answer set chosen = '{}' where attempt_id in"
                + " (select id from learning_attempt where registration_id in (:ids))")
        .param("ids", ids)
        .update();
  }
}
