package org.lectern.attendance.importing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.lectern.attendance.registrants.Registrant;
import org.lectern.attendance.report.Interval;
import org.lectern.attendance.report.ParticipantRole;
import org.lectern.attendance.report.ReportedParticipant;

class MatchingTest {

  final UUID programme = UUID.randomUUID();
  final Registrant aigerim = reg("Айгерим Сарсенбаева", "aigerim@mail.kz", "CONFIRMED");
  final Registrant david = reg("David Goliath", "david@example.org", "CONFIRMED");
  final Registrant twinA = reg("Dana Omarova", "dana1@mail.kz", "CONFIRMED");
  final Registrant twinB = reg("Omarova Dana", "dana2@mail.kz", "WAITLISTED");
  final Registrant gone = reg("Serik Ali", "serik@mail.kz", "CANCELLED");
  final RegistrantIndex index = new RegistrantIndex(List.of(aigerim, david, twinA, twinB, gone));

  @Test
  void emailFirstThenNameWithCyrillicLatinAndOrder() {
    assertThat(index.match(person("Someone Else", "AIGERIM@mail.kz"), Decisions.none()))
        .isEqualTo(Match.matched(aigerim.id(), Match.Via.EMAIL));
    assertThat(index.match(person("Aigerim Sarsenbayeva", null), Decisions.none()))
        .isEqualTo(Match.matched(aigerim.id(), Match.Via.NAME));
    assertThat(index.match(person("Goliath, David (EXT)", "d@other.org"), Decisions.none()))
        .isEqualTo(Match.matched(david.id(), Match.Via.NAME));
  }

  @Test
  void twoRegistrationsWithTheSameNameAreAmbiguousAndCancelledOnesAreIgnored() {
    Match m = index.match(person("dana omarova", null), Decisions.none());
    assertThat(m.status()).isEqualTo(Match.Status.AMBIGUOUS);
    assertThat(m.candidates()).containsExactlyInAnyOrder(twinA.id(), twinB.id());
    assertThat(index.match(person("Serik Ali", "serik@mail.kz"), Decisions.none()).status())
        .isEqualTo(Match.Status.UNMATCHED);
  }

  @Test
  void rememberedDecisionsSettleWhatNamesCannot() {
    var p = person("Dana O.", null);
    var decided =
        new Decisions(Map.of("n:" + NameKey.of("Dana O."), Optional.of(twinB.id())), k -> k);
    assertThat(index.match(p, decided)).isEqualTo(Match.matched(twinB.id(), Match.Via.DECISION));
    var host = person("Zoom Room 3", null);
    var notDelegate =
        new Decisions(Map.of("n:" + NameKey.of("Zoom Room 3"), Optional.empty()), k -> k);
    assertThat(index.match(host, notDelegate).status()).isEqualTo(Match.Status.NOT_DELEGATE);
  }

  private Registrant reg(String name, String email, String status) {
    return new Registrant(UUID.randomUUID(), programme, name, email, status, "ru");
  }

  private static ReportedParticipant person(String name, String email) {
    var i =
        new Interval(Instant.parse("2024-03-14T04:00:00Z"), Instant.parse("2024-03-14T05:00:00Z"));
    return new ReportedParticipant(
        name,
        email == null ? null : email.toLowerCase(),
        ParticipantRole.ATTENDEE,
        List.of(i),
        null,
        Set.of());
  }
}
