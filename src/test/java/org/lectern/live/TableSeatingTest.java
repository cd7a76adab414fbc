package org.lectern.live;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** How people are put at tables: sizes, regions spread, languages together, room apart. */
class TableSeatingTest {

  static List<TableSeating.Guest> guests(int n, boolean inRoom, String region, String lang) {
    List<TableSeating.Guest> g = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      g.add(new TableSeating.Guest(UUID.randomUUID(), inRoom, region, lang));
    }
    return g;
  }

  @Test
  void atMostMaxPerTableAndSizesDifferByOneAtMost() {
    var all = guests(13, false, null, "ru");
    var tables =
        TableSeating.form(
            all, TableRound.Grouping.RANDOM, TableRound.Mixing.MIXED, 6, new Random(1));
    assertThat(tables).hasSize(3);
    assertThat(tables).allMatch(t -> t.size() <= 6 && t.size() >= 4);
    assertThat(tables.stream().flatMap(List::stream).map(TableSeating.Guest::participantId))
        .containsExactlyInAnyOrderElementsOf(
            all.stream().map(TableSeating.Guest::participantId).toList());
  }

  @Test
  void regionsAreSpreadSoAlmatySitsWithAktobeAndKyzylorda() {
    List<TableSeating.Guest> all = new ArrayList<>();
    all.addAll(guests(3, false, "almaty", "ru"));
    all.addAll(guests(3, false, "aktobe", "ru"));
    all.addAll(guests(3, false, "kyzylorda", "kk"));
    var tables =
        TableSeating.form(
            all, TableRound.Grouping.REGION, TableRound.Mixing.MIXED, 3, new Random(7));
    assertThat(tables).hasSize(3);
    for (var t : tables) {
      assertThat(t.stream().map(TableSeating.Guest::region).distinct())
          .containsExactlyInAnyOrder("almaty", "aktobe", "kyzylorda");
    }
  }

  @Test
  void languagesSitTogether() {
    List<TableSeating.Guest> all = new ArrayList<>();
    all.addAll(guests(4, false, null, "kk"));
    all.addAll(guests(5, false, null, "ru"));
    var tables =
        TableSeating.form(
            all, TableRound.Grouping.LANGUAGE, TableRound.Mixing.MIXED, 6, new Random(3));
    assertThat(tables).hasSize(2);
    assertThat(tables)
        .allMatch(t -> t.stream().map(TableSeating.Guest::language).distinct().count() == 1);
  }

  @Test
  void mixedPutsTheRoomAtEveryTableSeparateKeepsItApart() {
    List<TableSeating.Guest> all = new ArrayList<>();
    all.addAll(guests(4, true, null, null));
    all.addAll(guests(8, false, null, null));
    var mixed =
        TableSeating.form(
            all, TableRound.Grouping.RANDOM, TableRound.Mixing.MIXED, 6, new Random(5));
    assertThat(mixed).hasSize(2);
    assertThat(mixed).allMatch(t -> t.stream().filter(TableSeating.Guest::inRoom).count() == 2);
    var apart =
        TableSeating.form(
            all, TableRound.Grouping.RANDOM, TableRound.Mixing.SEPARATE, 6, new Random(5));
    assertThat(apart).hasSize(3);
    assertThat(apart)
        .allMatch(t -> t.stream().map(TableSeating.Guest::inRoom).distinct().count() == 1);
  }

  @Test
  void choosingLeavesEveryoneStandingWithRoomForAll() {
    assertThat(
            TableSeating.form(
                guests(7, false, null, null),
                TableRound.Grouping.CHOICE,
                TableRound.Mixing.MIXED,
                6,
                new Random()))
        .isEmpty();
    assertThat(TableSeating.choiceTables(7, 6)).isEqualTo(3);
    assertThat(TableSeating.choiceTables(0, 6)).isEqualTo(1);
  }
}
