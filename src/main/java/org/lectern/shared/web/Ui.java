package org.lectern.shared.web;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.lectern.shared.i18n.Language;
import org.lectern.shared.i18n.LocalizedText;
import org.lectern.shared.time.TimeFormat;
import org.springframework.context.MessageSource;

/**
 * What every template needs about the request: the language and its messages, the viewer's time
 * zone, the CSRF token, links that switch language, and who is signed in.
 */
public final class Ui {

  private final MessageSource messages;
  private final Language language;
  private final Optional<ZoneId> viewerZone;
  private final String csrfParameter;
  private final String csrfToken;
  private final String path;
  private final String query;
  private final String userName;
  private final boolean delegate;

  Ui(
      MessageSource messages,
      Language language,
      Optional<ZoneId> viewerZone,
      String[] csrf,
      String path,
      String query,
      String userName,
      boolean delegate) {
    this.messages = messages;
    this.language = language;
    this.viewerZone = viewerZone;
    this.csrfParameter = csrf[0];
    this.csrfToken = csrf[1];
    this.path = path;
    this.query = query;
    this.userName = userName;
    this.delegate = delegate;
  }

  public String t(String key, Object... args) {
    return messages.getMessage(key, args, locale());
  }

  public String lang() {
    return language.code();
  }

  public Language language() {
    return language;
  }

  public Locale locale() {
    return language.locale();
  }

  public List<Language> languages() {
    return List.of(Language.values());
  }

  /** The current page in another language. */
  public String langUrl(String code) {
    String kept = QueryStrings.without(query, "lang");
    return path + "?" + (kept.isEmpty() ? "" : kept + "&") + "lang=" + code;
  }

  public String path() {
    return path;
  }

  public String pathAndQuery() {
    return query == null || query.isEmpty() ? path : path + "?" + query;
  }

  public String text(LocalizedText text, List<String> fallbacks) {
    return text == null ? "" : text.in(lang(), fallbacks);
  }

  public TimeFormat time() {
    return new TimeFormat(locale());
  }

  /** The zone the viewer chose (or their browser reported); else the given default. */
  public ZoneId zoneOr(ZoneId fallback) {
    return viewerZone.orElse(fallback);
  }

  public boolean hasViewerZone() {
    return viewerZone.isPresent();
  }

  public String zoneLabel(ZoneId zone, Instant at) {
    return TimeFormat.zoneLabel(zone, at);
  }

  public String csrfParameter() {
    return csrfParameter;
  }

  public String csrfToken() {
    return csrfToken;
  }

  /** An organiser, speaker, funder or administrator is signed in (not a delegate). */
  public boolean signedIn() {
    return userName != null && !delegate;
  }

  /** A delegate is signed in to "My trainings". */
  public boolean delegate() {
    return delegate;
  }

  public String userName() {
    return userName;
  }

  public String number(Number n) {
    return java.text.NumberFormat.getInstance(locale()).format(n);
  }
}
