package org.lectern.shared.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class LocalRedirectsTest {

  @ParameterizedTest
  @ValueSource(
      strings = {
        "/\t/evil.example",
        "/\\evil.example",
        "//evil.example",
        "https://evil.example",
        "javascript:alert(1)",
        "/%09/evil.example",
        "/%5Cevil.example",
        "/%2F/evil.example",
        "/%252F/evil.example",
        "%2F%2Fevil.example",
        "/\r\nSet-Cookie:x=1",
        "/ /evil.example",
        "\\/evil.example",
        "",
      })
  void tricksGoHome(String target) {
    assertThat(LocalRedirects.safe(target)).isEqualTo("/");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "/",
        "/programmes/human-rights-2026",
        "/admin/sessions/1/check-in?q=Dana%20Omarova",
        "/catalogue?lang=kk#top"
      })
  void pathsOnThisSiteStay(String target) {
    assertThat(LocalRedirects.safe(target)).isEqualTo(target);
  }
}
