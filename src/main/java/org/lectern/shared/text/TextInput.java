package org.lectern.shared.text;

import java.text.Normalizer;
import org.lectern.shared.error.InvalidInputException;

/**
 * Lectern's one rule for text that comes in (API.md, "Text input"). Every string of a JSON body and
 * every form or query parameter passes {@link #normalise} (API) or {@link #clean} (forms) before
 * any feature sees it:
 *
 * <ul>
 *   <li>NUL and the other C0 and C1 control characters are not text: refused in JSON, removed from
 *       form fields and query parameters (a keyboard cannot type them; a paste can carry them).
 *       Tab, line feed and carriage return are kept; single-line kinds refuse them ({@link
 *       #check}).
 *   <li>A lone or reversed surrogate (not a character at all) is refused, or replaced by U+FFFD in
 *       forms.
 *   <li>Text is stored in Unicode NFC, so a name typed with a composed or a decomposed "Ә" is one
 *       name.
 *   <li>No single value is longer than {@link #MAX_LENGTH} characters; each kind of field has its
 *       own, smaller limit ({@link Kind}), checked by the feature. Too long is refused, never cut.
 * </ul>
 */
public final class TextInput {

  /** No text value of any kind is longer than this. */
  public static final int MAX_LENGTH = 100_000;

  /** Kinds of fields and their limits. */
  public enum Kind {
    /** A person's or an organisation's name: one line. */
    NAME(200, false),
    /** A title or label: one line. */
    TITLE(200, false),
    /** Free text (descriptions, answers, questions): several lines. */
    FREE_TEXT(10_000, true);

    private final int max;
    private final boolean multiLine;

    Kind(int max, boolean multiLine) {
      this.max = max;
      this.multiLine = multiLine;
    }

    public int max() {
      return max;
    }

    public boolean multiLine() {
      return multiLine;
    }
  }

  /** A value broke the rule; {@code code} is a message key. */
  public static final class Refused extends IllegalArgumentException {
    private final String code;
    private final Object[] args;

    Refused(String code, Object... args) {
      super(code);
      this.code = code;
      this.args = args;
    }

    public String code() {
      return code;
    }

    public Object[] args() {
      return args.clone();
    }
  }

  private TextInput() {}

  /** The value in NFC, or {@link Refused} when it holds a character Lectern does not accept. */
  public static String normalise(String value) {
    if (value == null) {
      return null;
    }
    if (value.length() > MAX_LENGTH) {
      throw new Refused("validation.tooLong", MAX_LENGTH);
    }
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (Character.isHighSurrogate(c)
          && i + 1 < value.length()
          && Character.isLowSurrogate(value.charAt(i + 1))) {
        i++;
      } else if (Character.isSurrogate(c)) {
        throw new Refused("validation.brokenCharacter");
      } else if (isControl(c)) {
        throw new Refused("validation.controlCharacter");
      }
    }
    return nfc(value);
  }

  /** As {@link #normalise}, but removing what it would refuse: for form fields. */
  public static String clean(String value) {
    if (value == null) {
      return null;
    }
    StringBuilder out = null;
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      boolean pair =
          Character.isHighSurrogate(c)
              && i + 1 < value.length()
              && Character.isLowSurrogate(value.charAt(i + 1));
      boolean bad = !pair && (Character.isSurrogate(c) || isControl(c));
      if (bad && out == null) {
        out = new StringBuilder(value.length()).append(value, 0, i);
      }
      if (out != null) {
        if (Character.isSurrogate(c) && !pair) {
          out.append('\uFFFD');
        } else if (!bad) {
          out.append(c);
          if (pair) {
            out.append(value.charAt(i + 1));
          }
        }
      }
      if (pair) {
        i++;
      }
    }
    return nfc(out == null ? value : out.toString());
  }

  /**
   * Checks a value against its kind: its length (in characters as people count them) and, for
   * single-line kinds, no line breaks or tabs. Reports on {@code field}; null passes.
   */
  public static void check(
      InvalidInputException.Collector p, String field, String value, Kind kind) {
    if (value == null) {
      return;
    }
    p.check(
        value.codePointCount(0, value.length()) <= kind.max(),
        field,
        "validation.tooLong",
        kind.max());
    p.check(
        kind.multiLine() || value.chars().noneMatch(c -> c == '\n' || c == '\r' || c == '\t'),
        field,
        "validation.oneLine");
  }

  /** A key for matching what someone typed against stored text: NFC, lower case. */
  public static String searchKey(String value) {
    return value == null ? "" : nfc(value).toLowerCase(java.util.Locale.ROOT);
  }

  /** C0 and C1 control characters other than tab, line feed and carriage return. */
  static boolean isControl(char c) {
    return (c < 0x20 && c != '\t' && c != '\n' && c != '\r') || (c >= 0x7F && c <= 0x9F);
  }

  private static String nfc(String value) {
    return Normalizer.isNormalized(value, Normalizer.Form.NFC)
        ? value
        : Normalizer.normalize(value, Normalizer.Form.NFC);
  }
}
