package org.lectern.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** Every notification message exists in English, Russian and Kazakh. */
class NotificationMessagesTest {

  static Properties load(String lang) throws Exception {
    Properties p = new Properties();
    try (var in =
        NotificationMessagesTest.class.getResourceAsStream(
            "/messages/notification_" + lang + ".properties")) {
      p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
    }
    return p;
  }

  @Test
  void allThreeLanguagesHaveTheSameKeys() throws Exception {
    var en = load("en").keySet();
    assertThat(load("ru").keySet()).isEqualTo(en);
    assertThat(load("kk").keySet()).isEqualTo(en);
  }

  @Test
  void everyKindOfMailHasANameInEveryLanguage() throws Exception {
    for (String lang : new String[] {"en", "ru", "kk"}) {
      Properties p = load(lang);
      for (MailKind kind : MailKind.values()) {
        assertThat(p.getProperty("notification.kind." + kind.code()))
            .as("%s in %s", kind, lang)
            .isNotBlank();
      }
    }
  }

  @Test
  void backOffGrowsAndIsCapped() {
    assertThat(OutboxSender.backoff(1)).hasSeconds(30);
    assertThat(OutboxSender.backoff(2)).hasSeconds(60);
    assertThat(OutboxSender.backoff(30)).hasHours(6);
  }
}
