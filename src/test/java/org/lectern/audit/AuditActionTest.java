package org.lectern.audit;

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

/**
 * Every audit action is registered in {@link AuditAction} with a name in en, ru and kk, and no code
 * writes one that is not registered.
 */
class AuditActionTest {

  static final Path MESSAGES = Path.of("src/main/resources/messages");
  static final Path CODE = Path.of("src/main/java");
  static final Pattern CODE_LITERAL = Pattern.compile("\"([a-z]+(?:\\.[a-zA-Z]+)+)\"");

  /** The first dotted literal of a record(...)/audited(...) call: an action, message key or not. */
  static final Pattern RECORD_CALL =
      Pattern.compile("\\b(?:record|audited)\\([^;\"]*?\"([a-z]+(?:\\.[a-zA-Z]+)+)\"");

  /**
   * Dotted literals in audit-writing classes that are not audit actions (live-room event types,
   * document names); anything else there that is not a message key must be a registered action.
   */
  static final Set<String> NOT_ACTIONS =
      Set.of("participant.removed", "room.settings", "attendance.person", "programme.announcement");

  @Test
  void everyRegisteredActionIsNamedInEveryLanguage() throws IOException {
    Set<String> missing = new TreeSet<>();
    for (String lang : new String[] {"en", "ru", "kk"}) {
      Properties all = allMessages(lang);
      for (AuditAction a : AuditAction.values()) {
        String v = all.getProperty(a.messageKey());
        if (v == null || v.isBlank()) {
          missing.add(lang + ": " + a.messageKey());
        }
      }
    }
    assertThat(missing).isEmpty();
  }

  @Test
  void codesAreUniqueAndFitTheDatabaseCheck() {
    Set<String> seen = new TreeSet<>();
    for (AuditAction a : AuditAction.values()) {
      assertThat(a.code()).matches("^[a-z]+(\\.[a-zA-Z]+)+$");
      assertThat(seen.add(a.code())).as(a.code()).isTrue();
    }
  }

  @Test
  void everyActionWrittenByTheCodeIsRegistered() throws IOException {
    Set<String> keys = allMessages("en").stringPropertyNames();
    Set<String> unregistered = new TreeSet<>();
    int scanned = 0;
    try (Stream<Path> files = Files.walk(CODE)) {
      for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
        String src = Files.readString(f);
        if (f.startsWith(CODE.resolve("org/lectern/audit"))
            || !(src.contains("AuditLog.Record") || src.contains("audit.record("))) {
          continue;
        }
        scanned++;
        Matcher call = RECORD_CALL.matcher(src);
        while (call.find()) {
          if (AuditAction.ofCode(call.group(1)).isEmpty()) {
            unregistered.add(f.getFileName() + ": " + call.group(1));
          }
        }
        Matcher m = CODE_LITERAL.matcher(src);
        while (m.find()) {
          String code = m.group(1);
          if (!keys.contains(code)
              && !NOT_ACTIONS.contains(code)
              && AuditAction.ofCode(code).isEmpty()) {
            unregistered.add(f.getFileName() + ": " + code);
          }
        }
      }
    }
    assertThat(scanned).as("audit-writing classes found").isGreaterThan(10);
    assertThat(unregistered).as("audit codes missing from AuditAction").isEmpty();
  }

  @Test
  void theScanFindsActionsPassedToHelpersEvenWhenTheyAreMessageKeys() {
    Matcher m = RECORD_CALL.matcher("    record(actor, p, \"programme.notFound\", \"x\", 1);");
    assertThat(m.find()).isTrue();
    assertThat(m.group(1)).isEqualTo("programme.notFound");
  }

  @Test
  void theScanWouldFindAnUnregisteredCode() {
    Matcher m = CODE_LITERAL.matcher("audit.record(new AuditLog.Record(a, b, \"thing.happened\"");
    assertThat(m.find()).isTrue();
    assertThat(AuditAction.ofCode(m.group(1))).isEmpty();
  }

  static Properties allMessages(String lang) throws IOException {
    Properties all = new Properties();
    try (Stream<Path> files = Files.list(MESSAGES)) {
      for (Path f : files.filter(p -> p.toString().endsWith("_" + lang + ".properties")).toList()) {
        try (Reader r = Files.newBufferedReader(f, StandardCharsets.UTF_8)) {
          all.load(r);
        }
      }
    }
    return all;
  }
}
