package org.lectern.session;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.lectern.programme.Programme;
import org.lectern.shared.error.InvalidInputException;
import org.lectern.shared.i18n.Language;
import org.lectern.shared.i18n.LocalizedText;
import org.lectern.shared.i18n.TextRules;

/** What an organiser may set on a session, checked against its programme. */
public record SessionInput(
    LocalizedText title,
    LocalizedText summary,
    Instant startsAt,
    Instant endsAt,
    DeliveryMode mode,
    LocalizedText venue,
    Integer roomCapacity,
    String language,
    List<String> interpretationLanguages,
    List<Integer> iccprArticles,
    MeetingProvider meetingProvider,
    String meetingUrl) {

  public static final int TITLE_MAX = 200;
  public static final int SUMMARY_MAX = 10_000;
  public static final int VENUE_MAX = 500;
  public static final Duration LONGEST = Duration.ofDays(7);

  /** As typed; the parsing of times and enums has happened, or recorded as null plus a problem. */
  public record Raw(
      LocalizedText title,
      LocalizedText summary,
      Instant startsAt,
      Instant endsAt,
      String mode,
      LocalizedText venue,
      Integer roomCapacity,
      String language,
      List<String> interpretationLanguages,
      List<Integer> iccprArticles,
      String meetingProvider,
      String meetingUrl) {}

  public static SessionInput validate(
      Raw r, Programme programme, InvalidInputException.Collector p) {
    List<String> langs = programme.languages();
    LocalizedText title = orEmpty(r.title());
    p.check(
        title.has(programme.mainLanguage()),
        "title." + programme.mainLanguage(),
        "session.title.mainLanguage");
    TextRules.checkTitle(p, "title", title, langs, TITLE_MAX);
    TextRules.check(p, "abstract", orEmpty(r.summary()), langs, SUMMARY_MAX);
    TextRules.check(p, "venue", orEmpty(r.venue()), langs, VENUE_MAX);
    if (!p.has("startsAt")) {
      p.check(r.startsAt() != null, "startsAt", "validation.required");
    }
    if (!p.has("endsAt")) {
      p.check(r.endsAt() != null, "endsAt", "validation.required");
    }
    if (r.startsAt() != null && r.endsAt() != null) {
      p.check(r.endsAt().isAfter(r.startsAt()), "endsAt", "session.endsBeforeStart");
      p.check(!r.endsAt().isAfter(r.startsAt().plus(LONGEST)), "endsAt", "session.tooLong");
    }
    DeliveryMode mode = parse(DeliveryMode.class, r.mode());
    p.check(mode != null, "mode", "validation.choice");
    String lang =
        r.language() == null || r.language().isBlank()
            ? programme.mainLanguage()
            : r.language().strip();
    p.check(
        langs.contains(lang),
        "language",
        "session.language.notInProgramme",
        String.join(", ", langs));
    List<String> interp =
        r.interpretationLanguages() == null
            ? List.of()
            : r.interpretationLanguages().stream().distinct().toList();
    p.check(
        interp.stream().allMatch(l -> Language.fromCode(l).isPresent()),
        "interpretationLanguages",
        "validation.language");
    List<Integer> articles =
        r.iccprArticles() == null
            ? List.of()
            : r.iccprArticles().stream().distinct().sorted().toList();
    p.check(
        articles.stream().allMatch(a -> a != null && a >= 1 && a <= 53),
        "iccprArticles",
        "session.iccpr.range");
    p.check(
        r.roomCapacity() == null || (r.roomCapacity() >= 0 && r.roomCapacity() <= 100_000),
        "roomCapacity",
        "validation.range",
        0,
        100_000);
    MeetingProvider provider = parse(MeetingProvider.class, r.meetingProvider());
    p.check(
        isBlank(r.meetingProvider()) || provider != null, "meetingProvider", "validation.choice");
    String url = isBlank(r.meetingUrl()) ? null : r.meetingUrl().strip();
    p.check(url == null || isWebUrl(url), "meetingUrl", "validation.url");
    p.throwIfAny();
    return new SessionInput(
        title,
        orEmpty(r.summary()),
        r.startsAt(),
        r.endsAt(),
        mode,
        orEmpty(r.venue()),
        r.roomCapacity(),
        lang,
        interp,
        articles,
        provider == null && url != null ? MeetingProvider.URL : provider,
        url);
  }

  static boolean isWebUrl(String url) {
    if (url.length() > 2000) {
      return false;
    }
    try {
      URI u = new URI(url);
      return ("https".equalsIgnoreCase(u.getScheme()) || "http".equalsIgnoreCase(u.getScheme()))
          && u.getHost() != null;
    } catch (java.net.URISyntaxException e) {
      return false;
    }
  }

  private static <E extends Enum<E>> E parse(Class<E> type, String value) {
    if (isBlank(value)) {
      return null;
    }
    try {
      return Enum.valueOf(type, value.strip().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  private static boolean isBlank(String s) {
    return s == null || s.isBlank();
  }

  private static LocalizedText orEmpty(LocalizedText t) {
    return t == null ? LocalizedText.empty() : t;
  }
}
