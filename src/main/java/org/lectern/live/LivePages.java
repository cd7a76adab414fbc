package org.lectern.live;

import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.lectern.shared.web.FormErrors;
import org.lectern.shared.web.Ui;
import org.springframework.stereotype.Component;

/** Builds {@link LivePage}s: what each kind of viewer may see of the room. */
@Component
record LivePages(
    QuestionService questions,
    PollService polls,
    Floor floor,
    RoomSettings settings,
    LiveWindow window,
    EventLog events,
    LiveStream stream) {

  /**
   * The room as this viewer may see it. Moderators see pending and hidden questions; everyone else
   * only what was approved. Outsiders see nothing of the content.
   */
  LivePage page(
      Viewer v,
      Ui ui,
      boolean byVotes,
      boolean staffView,
      String joinUrl,
      String draft,
      FormErrors errors) {
    UUID id = v.session().id();
    long last = events.latest(id);
    LiveRoom room = settings.room(v);
    boolean sees = v.inRoom() || v.moderator();
    boolean all = staffView && v.moderator();
    List<LivePage.QuestionView> qs = List.of();
    List<LivePage.PollView> ps = List.of();
    List<LivePage.ChatView> chat = List.of();
    List<LivePage.HandView> hands = List.of();
    LivePage.QuestionView spot = null;
    LivePage.PollView spotPoll = null;
    if (sees) {
      Set<UUID> voted = Set.copyOf(questions.votedBy(v));
      qs =
          questions.queue(id, byVotes).stream()
              .filter(q -> all || q.publicView())
              .map(
                  q ->
                      new LivePage.QuestionView(
                          q.id(),
                          q.body(),
                          q.authorName(),
                          q.votes(),
                          q.status(),
                          q.pinned(),
                          voted.contains(q.id())))
              .toList();
      ps =
          polls.of(id).stream()
              .filter(p -> all || p.status() != PollStatus.DRAFT)
              .map(p -> pollView(v, p))
              .toList();
      chat =
          floor.chat(id).stream()
              .filter(m -> all || !m.hidden())
              .map(m -> new LivePage.ChatView(m.id(), m.authorName(), m.body(), m.hidden()))
              .toList();
      hands =
          floor.hands(id).stream()
              .map(h -> new LivePage.HandView(h.participantId(), h.name()))
              .toList();
      spot =
          room.spotlightQuestion() == null
              ? null
              : qs.stream()
                  .filter(q -> q.id().equals(room.spotlightQuestion()))
                  .findFirst()
                  .orElse(null);
      spotPoll =
          room.spotlightPoll() == null
              ? null
              : ps.stream()
                  .filter(p -> p.id().equals(room.spotlightPoll()))
                  .findFirst()
                  .orElse(null);
    }
    boolean myHand =
        v.inRoom() && hands.stream().anyMatch(h -> h.participantId().equals(v.participant().id()));
    String title = ui.text(v.session().title(), v.programme().languages());
    return new LivePage(
        id,
        title,
        window.isOpen(v.session()),
        v.inRoom(),
        v.moderator(),
        v.mayJoin(),
        v.inRoom() ? v.participant().displayName() : null,
        room.anonymity(),
        room.premoderation(),
        room.chat(),
        byVotes,
        qs,
        ps,
        chat,
        hands,
        myHand,
        sees ? floor.reactions(id) : java.util.Map.of(),
        spot,
        spotPoll,
        last,
        stream.spreadMillis(id),
        v.moderator() ? joinUrl + room.joinKey() : null,
        v.moderator()
            ? org.lectern.shared.web.QrSvg.svg(
                joinUrl + room.joinKey(), ui.t("live.projector.qr"), "qr")
            : null,
        draft,
        errors);
  }

  String title(Viewer v, Ui ui) {
    return ui.text(v.session().title(), v.programme().languages());
  }

  private LivePage.PollView pollView(Viewer v, Poll p) {
    PollResults r = polls.results(p);
    Set<UUID> mine = polls.ballot(v, p);
    return new LivePage.PollView(
        p.id(),
        p.question(),
        p.multiple(),
        p.status(),
        r.voters(),
        r.rows().stream()
            .map(
                x ->
                    new LivePage.OptionView(
                        x.optionId(),
                        x.label(),
                        x.votes(),
                        x.percent(),
                        mine.contains(x.optionId())))
            .toList());
  }
}
