package org.lectern.live;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.lectern.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * An anonymous question leaves no link to the person who asked: after it, no column of any table
 * holds the asker's registration id, e-mail (or its index), name or room participant id — apart
 * from where they were before the question (the registration itself, the participant row).
 */
class LiveAnonymityIT extends IntegrationTest {

  @Autowired LiveFixtures fx;
  @Autowired QuestionService questions;
  @Autowired PollService polls;

  /** Every (table.column) whose text contains one of the needles. */
  List<String> whereFound(Set<String> needles) {
    List<Map<String, Object>> columns =
        jdbc.sql(
                """
                select table_name, column_name from information_schema.columns
                where table_schema = 'public'
                  and data_type in ('uuid', 'text', 'character varying', 'jsonb', 'json', 'bytea', 'ARRAY')
                """)
            .query()
            .listOfRows();
    List<String> hits = new ArrayList<>();
    for (var c : columns) {
      String table = (String) c.get("table_name");
      String column = (String) c.get("column_name");
      for (String needle : needles) {
        String sql =
            "select count(*) from \""
                + table
                + "\" where position(lower(:n) in lower(\""
                + column
                + "\"::text)) > 0";
        if (column.equals("vote_salt") || table.equals("flyway_schema_history")) {
          continue;
        }
        int n = jdbc.sql(sql).param("n", needle).query(Integer.class).single();
        if (n > 0) {
          hits.add(table + "." + column + " ~ " + needle);
        }
      }
    }
    return hits;
  }

  @Test
  void nothingLinksAnAnonymousQuestionToItsAsker() {
    var room = fx.running();
    var delegate = fx.delegate(room, "Zhanar Abenova");
    // joined without a display name: anonymous in the room
    var joined = fx.join(room, delegate, "");
    Viewer asker = joined.viewer();
    String participant = asker.participant().id().toString();
    Set<String> needles =
        Set.of(
            delegate.registrationId().toString(),
            delegate.email(),
            fx.emailIndex(delegate.email()),
            "Zhanar",
            "Abenova",
            participant);
    List<String> before = whereFound(needles);
    // Of the live tables, only the participant's own row (its random id) is there so far.
    assertThat(before)
        .filteredOn(h -> h.startsWith("live_"))
        .containsExactly("live_participant.id ~ " + participant);

    Question q = questions.ask(asker, "Can the defence see the detention file?", true);
    // the delegate also votes, which is stored only under the room's salted voter key
    questions.vote(asker, q.id());

    List<String> after = whereFound(needles);
    assertThat(after)
        .as("new places that name the asker")
        .containsExactlyInAnyOrderElementsOf(before);
    assertThat(after)
        .noneMatch(
            h ->
                h.startsWith("live_question")
                    || h.startsWith("live_event")
                    || h.startsWith("audit"));
    assertThat(
            jdbc.sql("select count(*) from live_event where payload::text like '%' || :p || '%'")
                .param("p", participant)
                .query(Integer.class)
                .single())
        .isZero();
    var row =
        jdbc.sql("select author_id, author_name from live_question where id = :id")
            .param("id", q.id())
            .query()
            .singleRow();
    assertThat(row.get("author_id")).isNull();
    assertThat(row.get("author_name")).isNull();
  }

  @Test
  void aNamedParticipantCanStillAskAnonymouslyAndTheNameIsNotStoredWithTheQuestion() {
    var room = fx.running();
    var delegate = fx.delegate(room, "Marat Seitkali");
    var joined = fx.join(room, delegate, "Marat");
    Question q = questions.ask(joined.viewer(), "Is a lawyer's phone protected?", true);
    assertThat(q.authorName()).isNull();
    List<String> found = whereFound(Set.of(joined.viewer().participant().id().toString()));
    assertThat(found)
        .containsExactly("live_participant.id ~ " + joined.viewer().participant().id());
    Question named = questions.ask(joined.viewer(), "And under Article 17?", false);
    assertThat(named.authorName()).isEqualTo("Marat");
  }
}
