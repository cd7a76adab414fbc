package org.lectern.live;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.lectern.shared.web.FormErrors;

/** What the participant, moderator and projector views show. */
public record LivePage(
    UUID sessionId,
    String title,
    boolean open,
    boolean inRoom,
    boolean moderator,
    boolean mayJoin,
    String displayName,
    Anonymity anonymity,
    boolean premoderation,
    boolean chatOn,
    boolean byVotes,
    List<QuestionView> questions,
    List<PollView> polls,
    List<ChatView> chat,
    List<HandView> hands,
    boolean myHand,
    Map<String, Integer> reactions,
    QuestionView spotlight,
    PollView spotlightPoll,
    long lastEventId,
    long spreadMillis,
    String joinUrl,
    String joinSvg,
    String draft,
    FormErrors errors) {

  public record QuestionView(
      UUID id,
      String text,
      String author,
      int votes,
      QuestionStatus status,
      boolean pinned,
      boolean votedByMe) {

    public boolean pending() {
      return status == QuestionStatus.PENDING;
    }

    public boolean answered() {
      return status == QuestionStatus.ANSWERED;
    }

    public boolean hidden() {
      return status == QuestionStatus.HIDDEN;
    }

    public boolean open() {
      return status == QuestionStatus.VISIBLE;
    }
  }

  public record PollView(
      UUID id,
      String question,
      boolean multiple,
      PollStatus status,
      int voters,
      List<OptionView> options) {

    public boolean isOpen() {
      return status == PollStatus.OPEN;
    }

    public boolean isDraft() {
      return status == PollStatus.DRAFT;
    }

    public boolean isClosed() {
      return status == PollStatus.CLOSED;
    }
  }

  public record OptionView(UUID id, String label, int votes, int percent, boolean chosen) {}

  public record ChatView(UUID id, String author, String text, boolean hidden) {}

  public record HandView(UUID participantId, String name) {}

  public List<String> reactionKinds() {
    return List.of("applause", "agree", "heart", "thinking");
  }

  public int reactionCount(String kind) {
    return reactions.getOrDefault(kind, 0);
  }
}
