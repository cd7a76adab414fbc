package org.lectern.live;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** How long the open pages of a room spread their re-reads after an event. */
class RefreshSpreadTest {

  @Test
  void aSmallRoomStaysQuickAndABigOneIsCappedAtAboutFourHundredReReadsASecond() {
    assertThat(LiveStream.spreadMillis(0)).isEqualTo(600);
    assertThat(LiveStream.spreadMillis(200)).isEqualTo(600);
    assertThat(LiveStream.spreadMillis(2_000)).isEqualTo(5_000);
    // 5,000 pages over 12.5 s: 400 re-reads a second.
    assertThat(LiveStream.spreadMillis(5_000)).isEqualTo(12_500);
    assertThat(LiveStream.spreadMillis(100_000)).isEqualTo(15_000);
  }
}
