package org.lectern.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.lectern.session.MeetingProvider;

/** Every back-office key the code uses exists in English, Russian and Kazakh, and nothing more. */
class AdminMessagesTest {

  private static final Pattern KEY = Pattern.compile("\"(admin\\.[A-Za-z0-9_.]*[A-Za-z0-9_])\"");
  private static final Path MESSAGES = Path.of("src/main/resources/messages");

  @Test
  void theThreeLanguagesHaveTheSameKeysAndEveryUsedKeyExists() throws IOException {
    Set<String> en = load("en").stringPropertyNames();
    assertThat(load("ru").stringPropertyNames()).containsExactlyInAnyOrderElementsOf(en);
    assertThat(load("kk").stringPropertyNames()).containsExactlyInAnyOrderElementsOf(en);

    Set<String> used = new TreeSet<>();
    // Back-office keys are used outside the admin templates too (the organisation's page links to
    // its partner proposals): every template and class is read.
    used.addAll(keysIn(Path.of("src/main/jte")));
    used.addAll(keysIn(Path.of("src/main/java")));
    for (MeetingProvider m : MeetingProvider.values()) {
      used.add("admin.provider." + m.name());
    }
    for (ProgrammeMenu.Item item : ProgrammeMenu.ITEMS) {
      used.add(item.messageKey());
    }
    assertThat(en).containsAll(used);
    assertThat(used).as("keys nobody uses").containsAll(en);
  }

  @Test
  void messagesWithArgumentsDoubleTheirApostrophes() throws IOException {
    for (String lang : new String[] {"en", "ru", "kk"}) {
      Properties p = load(lang);
      for (String key : p.stringPropertyNames()) {
        String v = p.getProperty(key);
        if (v.contains("{0}")) {
          assertThat(v.replace("''", "")).as(lang + " " + key).doesNotContain("'");
        }
      }
    }
  }

  @Test
  void kazakhUsesKazakhLetters() throws IOException {
    String all = String.join(" ", load("kk").values().stream().map(Object::toString).toList());
    assertThat(all).containsAnyOf("ә", "ғ", "қ", "ң", "ө", "ұ", "ү", "һ", "і");
  }

  private static Properties load(String lang) throws IOException {
    Properties p = new Properties();
    try (Reader r =
        Files.newBufferedReader(
            MESSAGES.resolve("admin_" + lang + ".properties"), StandardCharsets.UTF_8)) {
      p.load(r);
    }
    return p;
  }

  private static Set<String> keysIn(Path dir) throws IOException {
    Set<String> keys = new TreeSet<>();
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path f : files.filter(Files::isRegularFile).toList()) {
        Matcher m = KEY.matcher(Files.readString(f));
        while (m.find()) {
          keys.add(m.group(1));
        }
      }
    }
    return keys;
  }
}
