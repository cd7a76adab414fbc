package org.lectern.programme;

import java.math.BigDecimal;
import java.time.ZoneId;
import java.util.List;
import org.lectern.shared.error.InvalidInputException;
import org.lectern.shared.i18n.Language;
import org.lectern.shared.i18n.LocalizedText;
import org.lectern.shared.i18n.TextRules;
import org.lectern.shared.text.Slugs;
import org.lectern.shared.time.Zones;

/**
 * What an organiser may set on a programme, already checked against the domain's rules. Build it
 * with {@link #validate}: every broken rule is reported at once, by field.
 */
public record ProgrammeInput(
    String slug,
    LocalizedText title,
    LocalizedText description,
    List<String> languages,
    ZoneId timeZone,
    BigDecimal cpdHours,
    Integer capacity,
    boolean waitlist,
    boolean approvalRequired) {

  public static final int TITLE_MAX = 200;
  public static final int DESCRIPTION_MAX = 10_000;

  /** Raw values as typed; strings may be anything. */
  public record Raw(
      String slug,
      LocalizedText title,
      LocalizedText description,
      List<String> languages,
      String timeZone,
      BigDecimal cpdHours,
      Integer capacity,
      boolean waitlist,
      boolean approvalRequired) {}

  public static ProgrammeInput validate(Raw raw) {
    return validate(raw, new InvalidInputException.Collector());
  }

  /**
   * As {@link #validate(Raw)}, reporting together with problems the caller found while reading the
   * raw values (a number that did not parse, say).
   */
  public static ProgrammeInput validate(Raw raw, InvalidInputException.Collector p) {
    p.check(Slugs.isValid(raw.slug()), "slug", "validation.slug");
    List<String> langs =
        raw.languages() == null ? List.of() : raw.languages().stream().distinct().toList();
    p.check(!langs.isEmpty(), "languages", "programme.languages.required");
    p.check(
        langs.stream().allMatch(l -> Language.fromCode(l).isPresent()),
        "languages",
        "validation.language");
    if (!p.has("timeZone")) {
      p.check(Zones.isValid(raw.timeZone()), "timeZone", "validation.timeZone");
    }
    LocalizedText title = raw.title() == null ? LocalizedText.empty() : raw.title();
    LocalizedText description =
        raw.description() == null ? LocalizedText.empty() : raw.description();
    if (!langs.isEmpty()) {
      p.check(title.has(langs.get(0)), "title." + langs.get(0), "programme.title.mainLanguage");
    }
    TextRules.checkTitle(p, "title", title, langs, TITLE_MAX);
    TextRules.check(p, "description", description, langs, DESCRIPTION_MAX);
    p.check(raw.capacity() == null || raw.capacity() >= 0, "capacity", "validation.min", 0);
    p.check(
        raw.capacity() == null || raw.capacity() <= 1_000_000,
        "capacity",
        "validation.max",
        1_000_000);
    p.check(
        raw.cpdHours() == null
            || (raw.cpdHours().signum() >= 0
                && raw.cpdHours().compareTo(BigDecimal.valueOf(1000)) < 0),
        "cpdHours",
        "validation.range",
        0,
        999);
    p.throwIfAny();
    return new ProgrammeInput(
        raw.slug(),
        title,
        description,
        langs,
        ZoneId.of(raw.timeZone().strip()),
        raw.cpdHours(),
        raw.capacity(),
        raw.waitlist(),
        raw.approvalRequired());
  }
}
