package org.lectern.live;

import java.util.List;
import java.util.UUID;
import org.lectern.shared.web.FormErrors;

/**
 * A delegate's table (phone first): which table, who is there, the question, the time, the note,
 * and how to talk. {@code choices} is filled when the round lets people choose and they have not.
 */
public record TablePage(
    UUID sessionId,
    String title,
    UUID me,
    Round round,
    UUID tableId,
    Integer number,
    String question,
    List<Person> people,
    String note,
    int noteVersion,
    List<String> signers,
    boolean help,
    boolean named,
    String talk,
    String providerLink,
    List<Choice> choices,
    long lastEventId,
    String draft,
    FormErrors errors) {

  /** The round as the timer shows it: the end time in text (with the zone named) and ISO. */
  public record Round(
      String question, String broadcast, String endsAt, String endsAtIso, boolean timeUp) {}

  /** Someone at a table: the display name they chose (null: anonymous), in the room or remote. */
  public record Person(UUID id, String name, boolean inRoom, boolean me) {}

  public record Choice(UUID tableId, int number, String question, int seated, boolean full) {}

  public boolean seated() {
    return number != null;
  }

  /** The other people at the table (those this browser talks to). */
  public List<Person> others() {
    return people.stream().filter(p -> !p.me()).toList();
  }

  public String peerIds() {
    return String.join(",", others().stream().map(p -> p.id().toString()).toList());
  }
}
