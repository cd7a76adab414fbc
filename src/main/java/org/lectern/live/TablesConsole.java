package org.lectern.live;

import java.util.List;
import java.util.UUID;
import org.lectern.shared.web.FormErrors;

/**
 * The moderator's view of the tables: the form to open them, then every table with its people, help
 * request and note; after closing, the notes to show on the projector or to ask.
 */
public record TablesConsole(
    UUID sessionId,
    String title,
    boolean liveOpen,
    boolean roundOpen,
    TablePage.Round round,
    List<TableView> tables,
    UUID spotlight,
    List<String> providers,
    int defaultSize,
    int present,
    long lastEventId,
    long spreadMillis,
    String draft,
    FormErrors errors) {

  public record TableView(
      UUID id,
      int number,
      String question,
      String note,
      List<String> signers,
      boolean help,
      List<TablePage.Person> people) {}

  /** People present without a seat (came late): the console offers to seat them. */
  public long unseated() {
    return Math.max(0, present - tables.stream().mapToLong(t -> t.people().size()).sum());
  }

  public long helpCount() {
    return tables.stream().filter(TableView::help).count();
  }

  public List<String> providerChoices() {
    return providers;
  }

  public List<String> groupings() {
    return java.util.Arrays.stream(TableRound.Grouping.values()).map(Enum::name).toList();
  }

  public List<String> mixings() {
    return java.util.Arrays.stream(TableRound.Mixing.values()).map(Enum::name).toList();
  }
}
