package org.lectern.live;

import java.util.Arrays;
import java.util.List;
import org.lectern.shared.error.InvalidInputException;
import org.lectern.shared.web.FormData;

/**
 * The moderator's "open tables" form: for how long, how big, how people are seated, whether the
 * training room and remote people mix, where they talk, and the question (one for all, or one per
 * line: table 1 gets the first line, and so on, starting again when the lines run out).
 */
record TablesForm(
    Integer minutes,
    Integer maxSize,
    TableRound.Grouping grouping,
    TableRound.Mixing mixing,
    TableProvider provider,
    String question,
    List<String> perTable) {

  static final int PER_TABLE_MAX = 100;

  static TablesForm of(FormData f, int defaultSize) {
    return new TablesForm(
        f.isInteger("minutes") ? f.integer("minutes") : null,
        f.get("maxSize") == null || f.get("maxSize").isBlank()
            ? defaultSize
            : f.isInteger("maxSize") ? f.integer("maxSize") : null,
        parse(TableRound.Grouping.class, f.get("grouping")),
        parse(TableRound.Mixing.class, f.get("mixing")),
        f.get("provider") == null || f.get("provider").isBlank()
            ? TableProvider.LECTERN
            : parse(TableProvider.class, f.get("provider")),
        blankToNull(f.raw("question")),
        f.raw("perTable") == null
            ? List.of()
            : Arrays.stream(f.raw("perTable").split("\\R"))
                .map(String::strip)
                .filter(s -> !s.isEmpty())
                .toList());
  }

  void validate() {
    var p = new InvalidInputException.Collector();
    p.check(
        minutes != null && minutes >= TableRound.MIN_MINUTES && minutes <= TableRound.MAX_MINUTES,
        "minutes",
        "live.tables.minutes",
        TableRound.MIN_MINUTES,
        TableRound.MAX_MINUTES);
    p.check(
        maxSize != null && maxSize >= TableRound.MIN_SIZE && maxSize <= TableRound.MAX_SIZE,
        "maxSize",
        "live.tables.size",
        TableRound.MIN_SIZE,
        TableRound.MAX_SIZE);
    p.check(grouping != null, "grouping", "validation.choice");
    p.check(mixing != null, "mixing", "validation.choice");
    p.check(provider != null, "provider", "validation.choice");
    p.check(
        question == null || question.length() <= TableRound.TEXT_MAX,
        "question",
        "live.text.tooLong",
        TableRound.TEXT_MAX);
    p.check(
        perTable.size() <= PER_TABLE_MAX
            && perTable.stream().allMatch(q -> q.length() <= TableRound.TEXT_MAX),
        "perTable",
        "live.tables.perTable",
        PER_TABLE_MAX,
        TableRound.TEXT_MAX);
    p.throwIfAny();
  }

  /** The question of table {@code index} (0-based): its own line, else the one for all. */
  String questionFor(int index) {
    return perTable.isEmpty() ? question : perTable.get(index % perTable.size());
  }

  private static <E extends Enum<E>> E parse(Class<E> type, String value) {
    try {
      return value == null ? null : Enum.valueOf(type, value);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }
}
