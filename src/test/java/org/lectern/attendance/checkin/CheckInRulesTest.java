package org.lectern.attendance.checkin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.lectern.shared.time.TimeFormat;

/** The door's rules without a database: codes, the window, stays from scans, name search. */
class CheckInRulesTest {

  static final Instant START = Instant.parse("2026-12-01T05:00:00Z");
  static final Instant END = START.plus(Duration.ofHours(2));
  static final ZoneId ALMATY = ZoneId.of("Asia/Almaty");

  @Test
  void codesAreTwelveCharactersAndSurviveHowPeopleTypeThem() {
    CheckInCode code = CheckInCode.fromDigest("00aa11bb22cc33dd44ee55ff66778899aabbccddeeff0011");
    assertThat(code.value()).matches("[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}");
    assertThat(CheckInCode.parse(code.value())).contains(code);
    assertThat(CheckInCode.parse(" " + code.compact().toLowerCase() + " ")).contains(code);
    String spaced = code.value().replace("-", " ");
    assertThat(CheckInCode.parse(spaced)).contains(code);
    assertThat(CheckInCode.parse(code.value().replace('0', 'O').replace('1', 'I'))).contains(code);
  }

  @Test
  void aTypoIsCaughtBeforeAnyLookUp() {
    CheckInCode code = CheckInCode.fromDigest(UUID.randomUUID().toString().replace("-", ""));
    String c = code.compact();
    for (int i = 0; i < c.length(); i++) {
      for (char other : CheckInCode.ALPHABET.toCharArray()) {
        if (other == c.charAt(i) || Set.of('0', 'Z').containsAll(Set.of(other, c.charAt(i)))) {
          continue;
        }
        String typo = c.substring(0, i) + other + c.substring(i + 1);
        assertThat(CheckInCode.parse(typo)).as(typo).isEmpty();
      }
    }
    assertThat(CheckInCode.parse(c.substring(1))).isEmpty();
    assertThat(CheckInCode.parse("https://example.org/join?k=1")).isEmpty();
    assertThat(CheckInCode.parse(null)).isEmpty();
  }

  @Test
  void differentDigestsGiveDifferentCodes() {
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < 1000; i++) {
      seen.add(CheckInCode.fromDigest(UUID.randomUUID().toString().replace("-", "")).value());
    }
    assertThat(seen).hasSize(1000);
  }

  @Test
  void theDoorOpensAnHourBeforeAndTakesCheckOutsHalfAnHourAfterTheEnd() {
    CheckInWindow w =
        new CheckInWindow(START.minus(CheckInWindow.EARLY), END, END.plus(CheckInWindow.OVERRUN));
    assertRefused(
        () -> w.check(CheckIn.Kind.IN, START.minusSeconds(3601), ALMATY),
        "attendance.checkin.notYet");
    w.check(CheckIn.Kind.IN, START.minusSeconds(3600), ALMATY);
    w.check(CheckIn.Kind.IN, END, ALMATY);
    assertRefused(
        () -> w.check(CheckIn.Kind.IN, END.plusSeconds(1), ALMATY), "attendance.checkin.ended");
    w.check(CheckIn.Kind.OUT, END.plus(Duration.ofMinutes(30)), ALMATY);
    assertRefused(
        () -> w.check(CheckIn.Kind.OUT, END.plus(Duration.ofMinutes(31)), ALMATY),
        "attendance.checkin.closed");
    Instant opens = START.minus(Duration.ofHours(1));
    assertThatThrownBy(() -> w.check(CheckIn.Kind.IN, START.minus(Duration.ofHours(2)), ALMATY))
        .isInstanceOfSatisfying(
            CheckInRefused.class,
            e -> {
              assertThat(e.when()).isEqualTo(opens);
              assertThat(e.args()).containsExactly(TimeFormat.iso(opens, ALMATY));
            });
  }

  @Test
  void staysAreReadFromScansInOrderAsPresenceReadsThem() {
    UUID reg = UUID.randomUUID();
    UUID session = UUID.randomUUID();
    assertThat(RoomStay.of(List.of())).isEqualTo(RoomStay.NOT_ARRIVED);
    var in = scan(session, reg, CheckIn.Kind.IN, START);
    var out = scan(session, reg, CheckIn.Kind.OUT, START.plusSeconds(600));
    var back = scan(session, reg, CheckIn.Kind.IN, START.plusSeconds(1200));
    var twice = scan(session, reg, CheckIn.Kind.IN, START.plusSeconds(1800));
    assertThat(RoomStay.of(List.of(back, in, out)))
        .isEqualTo(new RoomStay(RoomStay.State.IN, START.plusSeconds(1200)));
    assertThat(RoomStay.of(List.of(in, out)))
        .isEqualTo(new RoomStay(RoomStay.State.LEFT, START.plusSeconds(600)));
    assertThat(RoomStay.of(List.of(in, twice)).since()).isEqualTo(START);
    assertThat(RoomStay.of(List.of(out)).arrived()).isFalse();

    assertThat(RoomStay.of(List.of(in)).accepts(CheckIn.Kind.IN)).isFalse();
    assertThat(RoomStay.of(List.of(in)).accepts(CheckIn.Kind.OUT)).isTrue();
    assertThat(RoomStay.of(List.of(in, out)).accepts(CheckIn.Kind.IN)).isTrue();
    assertRefused(
        () -> RoomStay.of(List.of(in, out)).accepts(CheckIn.Kind.OUT),
        "attendance.checkin.notInRoom");
    assertRefused(
        () -> RoomStay.NOT_ARRIVED.accepts(CheckIn.Kind.OUT), "attendance.checkin.notInRoom");
  }

  @Test
  void staffFindPeopleByAnyPartOfTheNameInEitherAlphabet() {
    String name = "Айгерим Сарсенбаева";
    assertThat(NameSearch.matches(name, "айгер")).isTrue();
    assertThat(NameSearch.matches(name, "САРСЕН")).isTrue();
    assertThat(NameSearch.matches(name, "aig")).isTrue();
    assertThat(NameSearch.matches(name, "sars aig")).isTrue();
    assertThat(NameSearch.matches("Zhanna Ospanova", "Жанна")).isTrue();
    assertThat(NameSearch.matches("Әлия Қасымова", "aliya kas")).isTrue();
    assertThat(NameSearch.matches(name, "bolat")).isFalse();
    assertThat(NameSearch.matches(name, "  ")).isFalse();
    assertThat(NameSearch.matches(name, "aig bolat")).isFalse();
  }

  private static CheckIn scan(UUID session, UUID reg, CheckIn.Kind kind, Instant at) {
    return new CheckIn(UUID.randomUUID(), session, reg, kind, at);
  }

  private static void assertRefused(Runnable r, String code) {
    assertThatThrownBy(r::run)
        .isInstanceOfSatisfying(CheckInRefused.class, e -> assertThat(e.code()).isEqualTo(code));
  }
}
