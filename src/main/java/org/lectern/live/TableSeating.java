package org.lectern.live;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.function.Function;

/**
 * Forms the tables of a round. Everyone is dealt round-robin over just enough tables of at most
 * {@code max}: sizes differ by one at most, and whatever the list is ordered by (region, in the
 * room or remote) ends up spread over the tables. Language and "separate" split first.
 */
final class TableSeating {

  /** Someone who can be seated: in the training room or remote, region and language if known. */
  record Guest(UUID participantId, boolean inRoom, String region, String language) {}

  private TableSeating() {}

  static List<List<Guest>> form(
      List<Guest> guests,
      TableRound.Grouping grouping,
      TableRound.Mixing mixing,
      int max,
      Random r) {
    if (grouping == TableRound.Grouping.CHOICE) {
      return List.of();
    }
    List<List<Guest>> parts = List.of(new ArrayList<>(guests));
    if (mixing == TableRound.Mixing.SEPARATE) {
      parts = split(parts, g -> g.inRoom() ? "room" : "remote");
    }
    if (grouping == TableRound.Grouping.LANGUAGE) {
      parts = split(parts, g -> g.language() == null ? "" : g.language());
    }
    List<List<Guest>> tables = new ArrayList<>();
    for (List<Guest> part : parts) {
      List<Guest> order = new ArrayList<>(part);
      Collections.shuffle(order, r);
      Comparator<Guest> by = Comparator.comparing(g -> g.inRoom() ? 0 : 1);
      if (grouping == TableRound.Grouping.REGION) {
        by = by.thenComparing(g -> g.region() == null ? "~" : g.region());
      }
      order.sort(by);
      tables.addAll(deal(order, max));
    }
    return tables;
  }

  /** How many empty tables to offer when people choose: room for everyone, one spare. */
  static int choiceTables(int guests, int max) {
    return Math.max(1, (guests + max - 1) / max + 1);
  }

  static <T> List<List<T>> deal(List<T> order, int max) {
    int n = (order.size() + max - 1) / max;
    List<List<T>> tables = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      tables.add(new ArrayList<>());
    }
    for (int i = 0; i < order.size(); i++) {
      tables.get(i % n).add(order.get(i));
    }
    return tables;
  }

  private static List<List<Guest>> split(List<List<Guest>> parts, Function<Guest, String> key) {
    List<List<Guest>> out = new ArrayList<>();
    for (List<Guest> part : parts) {
      Map<String, List<Guest>> by = new LinkedHashMap<>();
      part.stream()
          .sorted(Comparator.comparing(key))
          .forEach(g -> by.computeIfAbsent(key.apply(g), k -> new ArrayList<>()).add(g));
      out.addAll(by.values());
    }
    return out;
  }
}
