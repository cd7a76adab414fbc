package org.lectern.registration;

import java.io.IOException;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.lectern.identity.Emails;
import org.lectern.shared.error.InvalidInputException;
import org.lectern.shared.i18n.Language;

/**
 * Reads an organiser's list of invitees as they come out of Excel, LibreOffice or Google Sheets:
 * UTF-8 (with or without BOM), UTF-16, or Windows-1251; commas, semicolons or tabs; a header row
 * naming the columns in English, Russian or Kazakh. All problems are reported with their line; a
 * file with any problem invites nobody.
 */
final class InviteeCsv {

  static final int MAX_BYTES = 2 * 1024 * 1024;
  static final int MAX_ROWS = 5_000;
  static final String FIELD = "file";

  private static final Map<String, Set<String>> HEADERS =
      Map.of(
          "name",
              Set.of(
                  "name",
                  "full name",
                  "fullname",
                  "имя",
                  "фио",
                  "полное имя",
                  "аты-жөні",
                  "аты жөні",
                  "аты"),
          "email",
              Set.of(
                  "email",
                  "e-mail",
                  "mail",
                  "e-mail address",
                  "email address",
                  "почта",
                  "электронная почта",
                  "эл. почта",
                  "адрес электронной почты",
                  "электрондық пошта"),
          "language", Set.of("language", "lang", "язык", "тіл"));

  private InviteeCsv() {}

  /** The invitees, distinct by e-mail; a language left empty becomes {@code defaultLanguage}. */
  static List<Invitee> read(byte[] bytes, String defaultLanguage) {
    if (bytes == null || bytes.length == 0) {
      throw InvalidInputException.of(FIELD, "registration.invite.empty");
    }
    if (bytes.length > MAX_BYTES) {
      throw InvalidInputException.of(
          FIELD, "registration.invite.tooLarge", MAX_BYTES / 1024 / 1024);
    }
    String text = decode(bytes);
    if (text.indexOf('\u0000') >= 0) {
      throw InvalidInputException.of(FIELD, "registration.invite.notText");
    }
    List<CSVRecord> records = parse(text);
    if (records.isEmpty()) {
      throw InvalidInputException.of(FIELD, "registration.invite.empty");
    }
    int[] columns = columns(records.get(0));
    return rows(records.subList(1, records.size()), columns, defaultLanguage);
  }

  private static List<Invitee> rows(List<CSVRecord> records, int[] c, String defaultLanguage) {
    var problems = new InvalidInputException.Collector();
    List<Invitee> out = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (CSVRecord r : records) {
      int line = (int) r.getRecordNumber();
      String name = cell(r, c[0]);
      String email = cell(r, c[1]);
      String lang = cell(r, c[2]).toLowerCase(Locale.ROOT);
      if (name.isEmpty() && email.isEmpty() && lang.isEmpty()) {
        continue;
      }
      if (!Emails.isValid(email)) {
        problems.add(FIELD, "registration.invite.badEmail", line, email);
      } else if (name.isEmpty() || name.length() > 200) {
        problems.add(FIELD, "registration.invite.badName", line);
      } else if (!lang.isEmpty() && Language.fromCode(lang).isEmpty()) {
        problems.add(FIELD, "registration.invite.badLanguage", line, lang);
      } else if (seen.add(email.toLowerCase(Locale.ROOT))) {
        out.add(new Invitee(name, email, lang.isEmpty() ? defaultLanguage : lang, line));
      }
      if (out.size() > MAX_ROWS) {
        throw InvalidInputException.of(FIELD, "registration.invite.tooMany", MAX_ROWS);
      }
    }
    problems.throwIfAny();
    if (out.isEmpty()) {
      throw InvalidInputException.of(FIELD, "registration.invite.empty");
    }
    return out;
  }

  private static int[] columns(CSVRecord header) {
    int[] c = {-1, -1, -1};
    String[] names = {"name", "email", "language"};
    for (int i = 0; i < header.size(); i++) {
      String h = header.get(i).strip().toLowerCase(Locale.ROOT).replace('\u00a0', ' ');
      for (int k = 0; k < names.length; k++) {
        if (c[k] < 0 && HEADERS.get(names[k]).contains(h)) {
          c[k] = i;
        }
      }
    }
    if (c[0] < 0 || c[1] < 0) {
      throw InvalidInputException.of(FIELD, "registration.invite.columns");
    }
    return c;
  }

  private static String cell(CSVRecord r, int i) {
    return i < 0 || i >= r.size() ? "" : r.get(i).replace('\u00a0', ' ').strip();
  }

  private static List<CSVRecord> parse(String text) {
    String first = text.lines().findFirst().orElse("");
    char delimiter = sniff(first);
    try {
      return CSVFormat.DEFAULT
          .builder()
          .setDelimiter(delimiter)
          .setIgnoreEmptyLines(true)
          .setTrim(true)
          .get()
          .parse(new StringReader(text))
          .getRecords();
    } catch (IOException | java.io.UncheckedIOException | IllegalStateException e) {
      throw InvalidInputException.of(FIELD, "registration.invite.unreadable");
    }
  }

  private static char sniff(String header) {
    char best = ',';
    long most = -1;
    for (char d : new char[] {',', ';', '\t'}) {
      long n = header.chars().filter(ch -> ch == d).count();
      if (n > most) {
        most = n;
        best = d;
      }
    }
    return best;
  }

  static String decode(byte[] b) {
    if (b.length >= 3 && (b[0] & 0xFF) == 0xEF && (b[1] & 0xFF) == 0xBB && (b[2] & 0xFF) == 0xBF) {
      return stripBoms(new String(b, 3, b.length - 3, StandardCharsets.UTF_8));
    }
    if (b.length >= 2 && (b[0] & 0xFF) == 0xFF && (b[1] & 0xFF) == 0xFE) {
      return stripBoms(new String(b, 2, b.length - 2, StandardCharsets.UTF_16LE));
    }
    if (b.length >= 2 && (b[0] & 0xFF) == 0xFE && (b[1] & 0xFF) == 0xFF) {
      return stripBoms(new String(b, 2, b.length - 2, StandardCharsets.UTF_16BE));
    }
    if (b.length >= 4 && b[1] == 0 && b[3] == 0 && b[0] != 0) {
      return new String(b, StandardCharsets.UTF_16LE);
    }
    if (b.length >= 4 && b[0] == 0 && b[2] == 0 && b[1] != 0) {
      return new String(b, StandardCharsets.UTF_16BE);
    }
    try {
      return stripBoms(
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT)
              .decode(ByteBuffer.wrap(b))
              .toString());
    } catch (CharacterCodingException notUtf8) {
      return new String(b, Charset.forName("windows-1251"));
    }
  }

  private static String stripBoms(String s) {
    int i = 0;
    while (i < s.length() && s.charAt(i) == '\uFEFF') {
      i++;
    }
    return s.substring(i);
  }
}
