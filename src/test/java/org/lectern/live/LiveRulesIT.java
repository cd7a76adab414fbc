package org.lectern.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.lectern.shared.error.ConflictException;
import org.lectern.shared.error.DomainException;
import org.lectern.shared.error.ForbiddenException;
import org.lectern.shared.error.InvalidInputException;
import org.lectern.support.Http;
import org.lectern.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;

/** The rules of questions, votes, polls and the room's window, on the real database. */
class LiveRulesIT extends IntegrationTest {

  @Autowired LiveFixtures fx;
  @Autowired QuestionService questions;
  @Autowired PollService polls;
  @Autowired RoomSettings settings;
  @Autowired LiveAccess access;

  int count(String sql, Object id) {
    return jdbc.sql(sql).param("id", id).query(Integer.class).single();
  }

  @Test
  void emptyAndOverLongQuestionsAreRefusedAndNothingIsStored() {
    var room = fx.running();
    Viewer aigerim = fx.inRoom(room, "Aigerim");
    for (String bad : new String[] {"", "   \n ", "x".repeat(501)}) {
      assertThatThrownBy(() -> questions.ask(aigerim, bad, false))
          .isInstanceOf(InvalidInputException.class);
    }
    // exactly at the limit is fine (counted in characters, Kazakh letters included)
    questions.ask(aigerim, "ә".repeat(500), false);
    assertThat(count("select count(*) from live_question where session_id = :id", room.sessionId()))
        .isEqualTo(1);

    Http http = new Http(baseUrl());
    String path = "/api/v1/sessions/" + room.sessionId() + "/live/questions";
    String bearer = "Bearer " + room.token();
    var empty = http.postJson(path, Http.map("text", " "), "Authorization", bearer);
    assertThat(empty.status()).isEqualTo(422);
    assertThat(empty.header("Content-Type")).startsWith("application/problem+json");
    assertThat(empty.json().get("errors").get(0).get("code").asString())
        .isEqualTo("live.question.empty");
    var tooLong = http.postJson(path, Http.map("text", "y".repeat(501)), "Authorization", bearer);
    assertThat(tooLong.status()).isEqualTo(422);
    var ok =
        http.postJson(path, Http.map("text", "Is Article 9 applicable?"), "Authorization", bearer);
    assertThat(ok.status()).isEqualTo(201);
    assertThat(count("select count(*) from live_question where session_id = :id", room.sessionId()))
        .isEqualTo(2);
  }

  @Test
  void aQuestionVoteIsOnePerPersonAndTogglesBack() {
    var room = fx.running();
    Viewer asker = fx.inRoom(room, "Asker");
    Viewer daulet = fx.inRoom(room, "Daulet");
    Question q = questions.ask(asker, "What about remand extensions?", false);
    assertThat(questions.vote(daulet, q.id())).isEqualTo(1);
    assertThat(questions.vote(asker, q.id())).isEqualTo(2);
    assertThat(questions.vote(daulet, q.id())).isEqualTo(1); // second click takes it back
    assertThat(count("select votes from live_question where id = :id", q.id())).isEqualTo(1);
    assertThat(count("select count(*) from live_question_vote where question_id = :id", q.id()))
        .isEqualTo(1);
  }

  @Test
  void aPollVoteCountsOnceCanChangeWhileOpenAndIsRefusedWhenClosed() {
    var room = fx.running();
    Viewer moderator = fx.organiser(room);
    Viewer voter = fx.inRoom(room, null);
    Poll poll =
        polls.prepare(moderator, "Have you cited the ICCPR in court?", List.of("Yes", "No"), false);
    var yes = poll.options().get(0).id();
    var no = poll.options().get(1).id();
    assertThatThrownBy(() -> polls.vote(voter, poll.id(), Set.of(yes)))
        .isInstanceOf(ConflictException.class)
        .hasMessageContaining("live.poll.notOpen");
    polls.open(moderator, poll.id());
    polls.vote(voter, poll.id(), Set.of(yes));
    PollResults twice = polls.vote(voter, poll.id(), Set.of(yes));
    assertThat(twice.voters()).isEqualTo(1);
    assertThat(twice.counts().get(yes)).isEqualTo(1);
    PollResults changed = polls.vote(voter, poll.id(), Set.of(no));
    assertThat(changed.counts().get(yes)).isZero();
    assertThat(changed.counts().get(no)).isEqualTo(1);
    assertThatThrownBy(() -> polls.vote(voter, poll.id(), Set.of(yes, no)))
        .isInstanceOf(InvalidInputException.class);
    polls.close(moderator, poll.id());
    assertThatThrownBy(() -> polls.vote(voter, poll.id(), Set.of(yes)))
        .isInstanceOf(ConflictException.class)
        .hasMessageContaining("live.poll.notOpen");
    assertThat(polls.results(polls.of(room.sessionId()).get(0)).counts().get(no)).isEqualTo(1);
    assertThat(polls.csv(moderator, poll.id()))
        .contains("Have you cited the ICCPR in court?,No,1,100,1,CLOSED");
  }

  @Test
  void pollResultsInCsvDoNotRunAsFormulae() {
    var room = fx.running();
    Viewer moderator = fx.organiser(room);
    Poll poll =
        polls.prepare(
            moderator,
            "=HYPERLINK(\"https://evil.example\",\"Q\")",
            List.of("@SUM(1+1)*cmd", "+1", "Нет"),
            false);
    assertThat(polls.csv(moderator, poll.id()))
        .contains("\"'=HYPERLINK(\"\"https://evil.example\"\",\"\"Q\"\")\",'@SUM(1+1)*cmd,0,")
        .contains(",'+1,0,")
        .contains(",Нет,0,")
        .doesNotContain(",=")
        .doesNotContain(",@");
  }

  @Test
  void postingOutsideTheWindowIsRefusedAndTheSaltIsDestroyed() {
    var ended = fx.room(Instant.now().minus(Duration.ofHours(5)));
    Viewer moderator = fx.organiser(ended);
    assertThatThrownBy(() -> questions.ask(moderator, "Too late?", false))
        .isInstanceOf(ConflictException.class)
        .hasMessageContaining("live.readOnly");
    var future = fx.room(Instant.now().plus(Duration.ofDays(2)));
    assertThatThrownBy(() -> questions.ask(fx.organiser(future), "Too early?", false))
        .isInstanceOf(ConflictException.class);
    var api =
        new Http(baseUrl())
            .postJson(
                "/api/v1/sessions/" + ended.sessionId() + "/live/questions",
                Http.map("text", "Too late?"),
                "Authorization",
                "Bearer " + ended.token());
    assertThat(api.status()).isEqualTo(409);
    assertThat(
            count("select count(*) from live_question where session_id = :id", ended.sessionId()))
        .isZero();
    assertThat(
            jdbc.sql("select vote_salt is null from live_room where session_id = :s")
                .param("s", ended.sessionId())
                .query(Boolean.class)
                .single())
        .isTrue();
  }

  @Test
  void premoderatedQuestionsWaitAndOutsidersAndRemovedParticipantsCannotPost() {
    var room = fx.running();
    Viewer moderator = fx.organiser(room);
    settings.change(moderator, true, true, Anonymity.OPTIONAL);
    Viewer guest = fx.inRoom(room, "Guest");
    Question q = questions.ask(guest, "Pending one", false);
    assertThat(q.status()).isEqualTo(QuestionStatus.PENDING);
    assertThatThrownBy(() -> questions.vote(guest, q.id())).isInstanceOf(ConflictException.class);
    questions.moderate(moderator, q.id(), QuestionService.Action.APPROVE);
    assertThat(questions.vote(guest, q.id())).isEqualTo(1);

    Viewer outsider = access.viewer(room.sessionId(), null, null, Optional.empty());
    assertThatThrownBy(() -> questions.ask(outsider, "Let me in", false))
        .isInstanceOf(ForbiddenException.class);
    assertThatThrownBy(() -> access.join(outsider, "forged-key", "X", Optional.empty()))
        .isInstanceOf(ForbiddenException.class);

    String key = fx.joinKey(room);
    String pass = access.join(outsider, key, "Troll", Optional.empty());
    Viewer troll = access.viewer(room.sessionId(), null, pass, Optional.empty());
    settings.remove(moderator, troll.participant().id());
    Viewer after = access.viewer(room.sessionId(), null, pass, Optional.empty());
    assertThatThrownBy(() -> questions.ask(after, "Again", false))
        .isInstanceOf(ForbiddenException.class);

    var delegate = fx.delegate(room, "Removed Delegate");
    var joined = fx.join(room, delegate, "R");
    settings.remove(moderator, joined.viewer().participant().id());
    assertThatThrownBy(() -> fx.join(room, delegate, "R again"))
        .isInstanceOf(DomainException.class)
        .hasMessageContaining("live.removed");
  }
}
