package org.lectern.live;

import java.util.List;
import java.util.UUID;
import org.lectern.shared.crypto.PersonalDataCipher;
import org.lectern.shared.privacy.PersonalDataRemoval;
import org.lectern.shared.privacy.RemovalReason;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * A programme's live rooms keep their questions, votes, polls and chat as counts; display names,
 * askers' names, question and chat texts, discussion tables' questions, messages and notes, their
 * signalling and the stored event stream go. (A single person's erasure does not reach live rooms:
 * participants there are keyed by a one-way digest and chose their display name themselves; see
 * SECURITY.md.)
 */
@Component
record LiveRemoval(JdbcClient jdbc, PersonalDataCipher cipher) implements PersonalDataRemoval {

  private static final String SESSIONS = "(select id from session_facts where programme_id = :p)";

  @Override
  public void anonymiseProgramme(UUID programmeId, RemovalReason reason) {
    jdbc.sql(
            "update live_participant set display_name = null, display_name_sealed = :n"
                + " where session_id in "
                + SESSIONS)
        .param("n", cipher.encrypt("", RoomRepository.NAME))
        .param("p", programmeId)
        .update();
    jdbc.sql(
            "update live_question set author_name = null, author_name_sealed = null, body = null,"
                + " body_sealed = :b where session_id in "
                + SESSIONS)
        .param("b", cipher.encrypt("", QuestionRepository.BODY))
        .param("p", programmeId)
        .update();
    jdbc.sql(
            "update live_chat_message set author_name = null, author_name_sealed = null,"
                + " body = null, body_sealed = :b where session_id in "
                + SESSIONS)
        .param("b", cipher.encrypt("", FloorRepository.CHAT_BODY))
        .param("p", programmeId)
        .update();
    // Discussion tables keep who sat where (counts, attendance); questions, messages and notes go.
    jdbc.sql(
            "update live_table_round set question_sealed = null, broadcast_sealed = null"
                + " where session_id in "
                + SESSIONS)
        .param("p", programmeId)
        .update();
    jdbc.sql(
            "update live_table set question_sealed = null, note_sealed = null,"
                + " signers_sealed = null where session_id in "
                + SESSIONS)
        .param("p", programmeId)
        .update();
    jdbc.sql("delete from live_table_signal where session_id in " + SESSIONS)
        .param("p", programmeId)
        .update();
    jdbc.sql("delete from live_event where session_id in " + SESSIONS)
        .param("p", programmeId)
        .update();
  }

  @Override
  public void eraseRegistrations(List<UUID> registrationIds, RemovalReason reason) {
    // Not reachable per person; see the class comment.
  }
}
