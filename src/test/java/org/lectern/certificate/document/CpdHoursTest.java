package org.lectern.certificate.document;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Locale;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

class CpdHoursTest {

  @Property
  void roundsDownToAHalfHourWithinHalfAnHour(
      @ForAll @LongRange(min = 0, max = 10_000L * 3600) long seconds,
      @ForAll @LongRange(min = 0, max = 999_999_999) long nanos) {
    Duration attended = Duration.ofSeconds(seconds, nanos);

    CpdHours hours = CpdHours.roundDownToHalfHour(attended);

    assertThat(hours.toDuration()).isLessThanOrEqualTo(attended);
    assertThat(hours.hours().remainder(new BigDecimal("0.5"))).isZero();
    assertThat(attended.minus(hours.toDuration())).isLessThan(Duration.ofMinutes(30));
  }

  @Test
  void examples() {
    assertThat(CpdHours.roundDownToHalfHour(Duration.ofMinutes(29)).hours())
        .isEqualByComparingTo("0");
    assertThat(CpdHours.roundDownToHalfHour(Duration.ofMinutes(30)).hours())
        .isEqualByComparingTo("0.5");
    assertThat(CpdHours.roundDownToHalfHour(Duration.ofSeconds(12 * 3600 + 59 * 60 + 59)).hours())
        .isEqualByComparingTo("12.5");
    assertThat(CpdHours.roundDownToHalfHour(Duration.ofHours(8)).hours()).isEqualByComparingTo("8");
  }

  @Test
  void formatsWithTheLanguagesDecimalSeparator() {
    CpdHours twelveAndAHalf = new CpdHours(25);
    assertThat(twelveAndAHalf.format(Locale.ENGLISH)).isEqualTo("12.5");
    assertThat(twelveAndAHalf.format(CertificateLanguage.RU.locale())).isEqualTo("12,5");
    assertThat(twelveAndAHalf.format(CertificateLanguage.KK.locale())).isEqualTo("12,5");
    assertThat(new CpdHours(16).format(CertificateLanguage.RU.locale())).isEqualTo("8");
  }

  @Test
  void refusesNegativeTime() {
    assertThatThrownBy(() -> CpdHours.roundDownToHalfHour(Duration.ofMinutes(-1)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new CpdHours(-1)).isInstanceOf(IllegalArgumentException.class);
  }
}
