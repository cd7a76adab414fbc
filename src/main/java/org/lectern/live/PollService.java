package org.lectern.live;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.lectern.shared.database.Transactions;
import org.lectern.shared.error.InvalidInputException;
import org.lectern.shared.error.NotFoundException;
import org.lectern.shared.text.SpreadsheetCells;
import org.springframework.stereotype.Service;

/** Preparing, opening, voting on and closing polls; results are kept and exportable. */
@Service
record PollService(RoomSteps steps, PollRepository polls, Transactions transactions) {

  /** Prepares a poll (in advance or during the session); it opens separately. */
  Poll prepare(Viewer v, String question, List<String> options, boolean multiple) {
    return transactions.result(
        () -> {
          v.requireModerator();
          List<String> labels =
              options.stream().map(String::strip).filter(s -> !s.isEmpty()).toList();
          var problems = new InvalidInputException.Collector();
          String q =
              problems.requiredText(
                  question,
                  "question",
                  Poll.QUESTION_MAX,
                  "live.poll.questionEmpty",
                  "live.poll.questionTooLong");
          problems.check(
              labels.size() >= 2 && labels.size() <= Poll.MAX_OPTIONS,
              "options",
              "live.poll.optionCount",
              Poll.MAX_OPTIONS);
          problems.check(
              labels.stream().allMatch(l -> l.length() <= Poll.OPTION_MAX),
              "options",
              "live.poll.optionTooLong",
              Poll.OPTION_MAX);
          problems.throwIfAny();
          steps.lock(v);
          List<Poll.Option> opts = new ArrayList<>();
          for (int i = 0; i < labels.size(); i++) {
            opts.add(new Poll.Option(UUID.randomUUID(), i, labels.get(i)));
          }
          Poll poll =
              new Poll(
                  UUID.randomUUID(),
                  v.session().id(),
                  q,
                  multiple,
                  PollStatus.DRAFT,
                  opts,
                  steps.now());
          polls.insert(poll);
          steps.append(poll.sessionId(), "poll.prepared", Map.of("id", poll.id()));
          return poll;
        });
  }

  Poll open(Viewer v, UUID pollId) {
    return transactions.result(
        () -> {
          v.requireModerator();
          steps.requireOpen(v);
          LiveRoom room = steps.lock(v);
          Poll poll = find(v, pollId).open();
          polls.updateStatus(poll);
          steps.update(room.withSpotlight(null, poll.id()));
          Map<String, Object> m = new LinkedHashMap<>();
          m.put("id", poll.id());
          m.put("question", poll.question());
          m.put("multiple", poll.multiple());
          m.put(
              "options",
              poll.options().stream().map(o -> Map.of("id", o.id(), "label", o.label())).toList());
          steps.append(poll.sessionId(), "poll.opened", m);
          return poll;
        });
  }

  Poll close(Viewer v, UUID pollId) {
    return transactions.result(
        () -> {
          v.requireModerator();
          steps.lock(v);
          Poll poll = find(v, pollId).close();
          polls.updateStatus(poll);
          steps.append(poll.sessionId(), "poll.closed", resultsPayload(polls.results(poll)));
          return poll;
        });
  }

  /** Records (or replaces) the participant's ballot while the poll is open. */
  PollResults vote(Viewer v, UUID pollId, Set<UUID> choice) {
    return transactions.result(
        () -> {
          Participant p = v.requireParticipant();
          steps.requireOpen(v);
          steps.check(p.id(), LiveRateLimits.Action.VOTE);
          LiveRoom room = steps.lock(v);
          Poll poll = find(v, pollId);
          poll.check(choice);
          polls.vote(poll.id(), Passes.voterKey(room.requireSalt(), p.id()), choice);
          PollResults results = polls.results(poll);
          steps.append(poll.sessionId(), "poll.results", resultsPayload(results));
          return results;
        });
  }

  List<Poll> of(UUID sessionId) {
    return polls.of(sessionId);
  }

  PollResults results(Poll poll) {
    return polls.results(poll);
  }

  Set<UUID> ballot(Viewer v, Poll poll) {
    if (!v.inRoom()) {
      return Set.of();
    }
    return steps
        .find(v)
        .filter(r -> r.voteSalt() != null)
        .map(r -> polls.ballot(poll.id(), Passes.voterKey(r.voteSalt(), v.participant().id())))
        .orElse(Set.of());
  }

  /** The results as CSV (option, votes, percent of voters), for moderators. */
  String csv(Viewer v, UUID pollId) {
    v.requireModerator();
    PollResults r = polls.results(find(v, pollId));
    StringWriter out = new StringWriter();
    try (CSVPrinter csv = new CSVPrinter(out, CSVFormat.RFC4180)) {
      csv.printRecord("poll", "option", "votes", "percent_of_voters", "voters", "status");
      for (PollResults.Row row : r.rows()) {
        csv.printRecord(
            SpreadsheetCells.text(r.poll().question()),
            SpreadsheetCells.text(row.label()),
            row.votes(),
            row.percent(),
            r.voters(),
            r.poll().status());
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString();
  }

  private Poll find(Viewer v, UUID id) {
    return polls
        .find(v.session().id(), id)
        .orElseThrow(() -> new NotFoundException("live.poll.notFound"));
  }

  static Map<String, Object> resultsPayload(PollResults r) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", r.poll().id());
    m.put("voters", r.voters());
    m.put(
        "counts",
        r.rows().stream().map(x -> Map.of("option", x.optionId(), "votes", x.votes())).toList());
    return m;
  }
}
