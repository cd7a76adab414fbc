package org.lectern.shared.i18n;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every interface language is complete: the same keys in en, ru and kk; no empty values; every key
 * the templates and the code name exists; templates hold no literal text.
 */
class MessageBundlesTest {

  static final Path MESSAGES = Path.of("src/main/resources/messages");
  static final Path TEMPLATES = Path.of("src/main/jte");
  static final Path CODE = Path.of("src/main/java");
  static final List<String> LANGS = List.of("en", "ru", "kk");

  @Test
  void everyBundleHasTheSameKeysInEveryLanguage() throws IOException {
    Map<String, List<String>> problems = new TreeMap<>();
    for (String bundle : bundles()) {
      Set<String> en = load(bundle, "en").stringPropertyNames();
      for (String lang : LANGS) {
        Properties p = load(bundle, lang);
        Set<String> missing = new TreeSet<>(en);
        missing.removeAll(p.stringPropertyNames());
        Set<String> extra = new TreeSet<>(p.stringPropertyNames());
        extra.removeAll(en);
        p.forEach(
            (k, v) -> {
              if (v.toString().isBlank()) {
                problems
                    .computeIfAbsent(bundle + "_" + lang, x -> new ArrayList<>())
                    .add("empty " + k);
              }
            });
        missing.forEach(
            k ->
                problems
                    .computeIfAbsent(bundle + "_" + lang, x -> new ArrayList<>())
                    .add("missing " + k));
        extra.forEach(
            k ->
                problems
                    .computeIfAbsent(bundle + "_" + lang, x -> new ArrayList<>())
                    .add("not in en " + k));
      }
    }
    assertThat(problems).isEmpty();
  }

  @Test
  void messagesWithArgumentsEscapeApostrophes() throws IOException {
    List<String> bad = new ArrayList<>();
    Pattern arg = Pattern.compile("\\{\\d");
    Pattern lone = Pattern.compile("(?<!')'(?!')");
    for (String bundle : bundles()) {
      for (String lang : LANGS) {
        load(bundle, lang)
            .forEach(
                (k, v) -> {
                  String s = v.toString();
                  if (arg.matcher(s).find() && lone.matcher(s).find()) {
                    bad.add(bundle + "_" + lang + ": " + k);
                  }
                });
      }
    }
    assertThat(bad).isEmpty();
  }

  @Test
  void everyKeyNamedInTemplatesAndCodeExistsInEnglish() throws IOException {
    Set<String> known = allKeys("en");
    Set<String> used = new TreeSet<>();
    Pattern inTemplate = Pattern.compile("ui\\.t\\(\"([A-Za-z0-9_.]+)\"\\s*[,)]");
    Pattern inCode =
        Pattern.compile(
            "(?:Exception\\(|\\.of\\(\"[^\"]*\", |\\.add\\(\"[^\"]*\", |\\.check\\([^;]*?, \"[^\"]*\", |new FieldProblem\\(\"[^\"]*\", )\"([a-z]+\\.[A-Za-z0-9_.]+)\"");
    collect(TEMPLATES, ".jte", inTemplate, used);
    collect(CODE, ".java", inCode, used);
    used.removeAll(known);
    assertThat(used).as("keys used but not defined").isEmpty();
  }

  @Test
  void templatesHoldNoLiteralText() throws IOException {
    List<String> literal = new ArrayList<>();
    try (Stream<Path> files = Files.walk(TEMPLATES)) {
      for (Path f : files.filter(p -> p.toString().endsWith(".jte")).toList()) {
        String text = TemplateText.visibleText(Files.readString(f));
        for (String piece : text.split("\\s{2,}|\\n")) {
          if (piece.codePoints().anyMatch(Character::isLetter)) {
            literal.add(f + ": " + piece.strip());
          }
        }
      }
    }
    assertThat(literal).isEmpty();
  }

  @Test
  void theLiteralTextCheckFindsLiteralText() {
    assertThat(TemplateText.visibleText("!{var f = page.form();}<p>${f}</p>"))
        .doesNotContainPattern("\\p{L}");
    assertThat(TemplateText.visibleText("<p>Register now</p>")).contains("Register now");
    assertThat(TemplateText.visibleText("<img alt=\"A photo\" src=\"x\">")).contains("A photo");
    assertThat(TemplateText.visibleText("<p>${ui.t(\"a.b\")} · (${x})</p>"))
        .doesNotContainPattern("\\p{L}");
    assertThat(TemplateText.visibleText("@if(page.ok())<a href=\"/x\">${y}</a>@endif"))
        .doesNotContainPattern("\\p{L}");
  }

  static void collect(Path root, String suffix, Pattern p, Set<String> into) throws IOException {
    try (Stream<Path> files = Files.walk(root)) {
      for (Path f : files.filter(x -> x.toString().endsWith(suffix)).toList()) {
        Matcher m = p.matcher(Files.readString(f));
        while (m.find()) {
          into.add(m.group(1));
        }
      }
    }
  }

  static Set<String> allKeys(String lang) throws IOException {
    Set<String> keys = new TreeSet<>();
    for (String b : bundles()) {
      keys.addAll(load(b, lang).stringPropertyNames());
    }
    return keys;
  }

  static Set<String> bundles() throws IOException {
    Set<String> names = new TreeSet<>();
    try (Stream<Path> files = Files.list(MESSAGES)) {
      files
          .map(p -> p.getFileName().toString())
          .filter(n -> n.endsWith(".properties"))
          .forEach(n -> names.add(n.substring(0, n.lastIndexOf('_'))));
    }
    return names;
  }

  static Properties load(String bundle, String lang) throws IOException {
    Properties p = new Properties();
    Path file = MESSAGES.resolve(bundle + "_" + lang + ".properties");
    if (Files.exists(file)) {
      try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
        p.load(r);
      }
    }
    return p;
  }
}
