package org.lectern.live;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/** A poll's counts; shares are of voters (so multiple choice can exceed 100 % in total). */
record PollResults(Poll poll, Map<UUID, Integer> counts, int voters) {

  record Row(UUID optionId, String label, int votes, int percent) {}

  List<Row> rows() {
    return poll.options().stream()
        .map(
            o -> {
              int n = counts.getOrDefault(o.id(), 0);
              return new Row(o.id(), o.label(), n, voters == 0 ? 0 : Math.round(100f * n / voters));
            })
        .toList();
  }
}
