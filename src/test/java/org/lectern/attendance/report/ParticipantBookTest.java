package org.lectern.attendance.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Identity within one file: e-mail first, else the normalised name. */
class ParticipantBookTest {

  private static final Instant T0 = Instant.parse("2024-03-14T05:00:00Z");

  private static Interval minutes(int from, int to) {
    return new Interval(T0.plusSeconds(60L * from), T0.plusSeconds(60L * to));
  }

  @Test
  void emailIsCaseInsensitiveAndBeatsTheName() {
    ParticipantBook book = new ParticipantBook();
    book.add(
        new Person("Asel N", null, "Asel@Advokat.kz", ParticipantRole.ATTENDEE), minutes(0, 10));
    book.add(
        new Person("Асель", null, "asel@advokat.kz", ParticipantRole.PANELIST), minutes(5, 20));
    List<ReportedParticipant> people = book.participants();
    assertThat(people).hasSize(1);
    assertThat(people.get(0).email()).isEqualTo("asel@advokat.kz");
    assertThat(people.get(0).role()).isEqualTo(ParticipantRole.PANELIST);
    assertThat(people.get(0).aliases()).containsExactly("Асель");
    assertThat(people.get(0).minutes()).isEqualTo(20);
  }

  @Test
  void namesAreComparedAfterNormalisation() {
    ParticipantBook book = new ParticipantBook();
    // Full-width letters (NFKC), case, no-break and doubled spaces.
    book.add(new Person("Ｍarat\u00a0 Ospanov", null, "", ParticipantRole.ATTENDEE), minutes(0, 1));
    book.add(new Person("MARAT OSPANOV ", null, null, ParticipantRole.ATTENDEE), minutes(2, 3));
    assertThat(book.participants()).hasSize(1);
  }

  @Test
  void aRowWithoutEmailJoinsThePersonOfTheSameName() {
    ParticipantBook book = new ParticipantBook();
    book.add(new Person("Dana", null, null, ParticipantRole.ATTENDEE), minutes(0, 10));
    book.add(
        new Person("Dana", null, "dana@advokat.kz", ParticipantRole.ATTENDEE), minutes(20, 30));
    book.add(new Person("dana", null, null, ParticipantRole.ATTENDEE), minutes(40, 45));
    List<ReportedParticipant> people = book.participants();
    assertThat(people).hasSize(1);
    assertThat(people.get(0).email()).isEqualTo("dana@advokat.kz");
    assertThat(people.get(0).intervals()).hasSize(3);
  }

  @Test
  void zoomOriginalNameBecomesAnAlias() {
    Person person = Person.zoomNamed("003_Power Girl (Kara Zor-L)", "", ParticipantRole.ATTENDEE);
    assertThat(person.name()).isEqualTo("003_Power Girl");
    assertThat(person.alias()).isEqualTo("Kara Zor-L");
    assertThat(Person.zoomNamed("Plain Name", null, ParticipantRole.ATTENDEE).alias()).isNull();
  }
}
