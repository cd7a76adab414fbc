package org.lectern.identity;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The coarse device read from a User-Agent: browser family and system, nothing more. */
class DeviceTest {

  @Test
  void commonBrowsersAreNamedByFamilyAndSystem() {
    assertThat(Device.of("Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0"))
        .isEqualTo(new Device("Firefox", "Linux"));
    assertThat(
            Device.of(
                "Mozilla/5.0 (Linux; Android 14; SM-A546B) AppleWebKit/537.36 (KHTML, like Gecko)"
                    + " Chrome/131.0.0.0 Mobile Safari/537.36"))
        .isEqualTo(new Device("Chrome", "Android"));
    assertThat(
            Device.of(
                "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15"
                    + " (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1"))
        .isEqualTo(new Device("Safari", "iOS"));
    assertThat(
            Device.of(
                "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko)"
                    + " Chrome/131.0.0.0 YaBrowser/24.12.0.0 Safari/537.36"))
        .isEqualTo(new Device("Yandex Browser", "Windows"));
  }

  @Test
  void missingHugeOrUnknownHeadersNameNothing() {
    assertThat(Device.of(null)).isEqualTo(new Device(null, null));
    assertThat(Device.of("")).isEqualTo(new Device(null, null));
    assertThat(Device.of("x".repeat(Device.MAX_HEADER + 1))).isEqualTo(new Device(null, null));
    assertThat(Device.of("curl/8.5.0")).isEqualTo(new Device(null, null));
  }
}
