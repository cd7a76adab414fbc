package org.lectern.live;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.lectern.shared.database.Transactions;
import org.lectern.shared.error.ConflictException;
import org.lectern.shared.error.InvalidInputException;
import org.lectern.shared.error.NotFoundException;
import org.springframework.stereotype.Service;

/** Asking, voting on and moderating questions. */
@Service
record QuestionService(RoomSteps steps, QuestionRepository questions, Transactions transactions) {

  enum Action {
    APPROVE,
    ANSWER,
    HIDE,
    PIN,
    UNPIN,
    SPOTLIGHT
  }

  /**
   * Asks a question. An anonymous one is stored with no author at all: no id, no name, no log line,
   * no audit entry — and the rate limit lives only in memory.
   */
  Question ask(Viewer v, String text, boolean anonymousWish) {
    return transactions.result(
        () -> {
          Participant p = v.requireParticipant();
          String body = text == null ? "" : text.strip();
          var problems = new InvalidInputException.Collector();
          problems.check(!body.isEmpty(), "text", "live.question.empty");
          problems.check(
              body.codePointCount(0, body.length()) <= Question.MAX_LENGTH,
              "text",
              "live.question.tooLong",
              Question.MAX_LENGTH);
          problems.throwIfAny();
          steps.requireOpen(v);
          if (!v.moderator()) {
            steps.check(p.id(), LiveRateLimits.Action.QUESTION);
          }
          LiveRoom room = steps.lock(v);
          boolean anonymous = room.anonymity().anonymous(anonymousWish) || p.anonymous();
          if (p.anonymous() && room.anonymity() == Anonymity.OFF) {
            throw new ConflictException("live.question.nameRequired");
          }
          QuestionStatus status =
              room.premoderation() && !v.moderator()
                  ? QuestionStatus.PENDING
                  : QuestionStatus.VISIBLE;
          Question q =
              new Question(
                  UUID.randomUUID(),
                  v.session().id(),
                  anonymous ? null : p.displayName(),
                  body,
                  status,
                  false,
                  0,
                  steps.now());
          questions.insert(q, anonymous ? null : p.id());
          if (status == QuestionStatus.PENDING) {
            steps.append(q.sessionId(), "question.submitted", Map.of("id", q.id()));
          } else {
            steps.append(q.sessionId(), "question.asked", publicView(q));
          }
          return q;
        });
  }

  /** One vote per person: a second vote takes the first back. */
  int vote(Viewer v, UUID questionId) {
    return transactions.result(
        () -> {
          Participant p = v.requireParticipant();
          steps.requireOpen(v);
          steps.check(p.id(), LiveRateLimits.Action.VOTE);
          LiveRoom room = steps.lock(v);
          Question q = find(v, questionId);
          q.requireVotable();
          int votes = questions.toggleVote(q.id(), Passes.voterKey(room.requireSalt(), p.id()));
          steps.append(q.sessionId(), "question.voted", Map.of("id", q.id(), "votes", votes));
          return votes;
        });
  }

  Question moderate(Viewer v, UUID questionId, Action action) {
    return transactions.result(
        () -> {
          v.requireModerator();
          LiveRoom room = steps.lock(v);
          Question q = find(v, questionId);
          Question changed =
              switch (action) {
                case APPROVE -> q.approve();
                case ANSWER -> q.answer();
                case HIDE -> q.hide();
                case PIN -> q.pin(true);
                case UNPIN -> q.pin(false);
                case SPOTLIGHT -> q;
              };
          if (action == Action.SPOTLIGHT || changed.status() != QuestionStatus.VISIBLE) {
            boolean on = action == Action.SPOTLIGHT && changed.publicView();
            if (on || q.id().equals(room.spotlightQuestion())) {
              steps.update(
                  room.withSpotlight(on ? q.id() : null, on ? null : room.spotlightPoll()));
            }
          }
          questions.update(changed);
          Map<String, Object> payload =
              action == Action.APPROVE ? publicView(changed) : Map.of("id", q.id());
          steps.append(q.sessionId(), "question." + action.name().toLowerCase(), payload);
          return changed;
        });
  }

  List<Question> queue(UUID sessionId, boolean byVotes) {
    return questions.of(sessionId, byVotes);
  }

  List<UUID> votedBy(Viewer v) {
    if (!v.inRoom()) {
      return List.of();
    }
    return steps
        .find(v)
        .filter(r -> r.voteSalt() != null)
        .map(
            r ->
                questions.votedBy(
                    v.session().id(), Passes.voterKey(r.voteSalt(), v.participant().id())))
        .orElse(List.of());
  }

  private Question find(Viewer v, UUID id) {
    return questions
        .find(v.session().id(), id)
        .orElseThrow(() -> new NotFoundException("live.question.notFound"));
  }

  static Map<String, Object> publicView(Question q) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", q.id());
    m.put("text", q.body());
    if (q.authorName() != null) {
      m.put("author", q.authorName());
    }
    m.put("votes", q.votes());
    m.put("at", q.createdAt().toString());
    return m;
  }
}
