package org.lectern.organisation;

import java.net.URI;
import java.util.List;
import java.util.function.Predicate;
import org.lectern.shared.error.InvalidInputException;
import org.lectern.shared.i18n.Language;
import org.lectern.shared.i18n.LocalizedText;

/**
 * What an administrator sets about an organisation, checked: a name in at least one language, an
 * http(s) website, one to ten main legal centres, and plain one-line names for the certificate
 * signer and the mail sender.
 */
public record OrganisationSettings(
    LocalizedText name,
    String shortName,
    String website,
    List<String> mainCentres,
    String certificateSigner,
    String mailSenderName) {

  static final int MAX_NAME = 200;
  static final int MAX_SHORT = 40;
  static final int MAX_WEBSITE = 300;
  static final int MAX_CENTRES = 10;

  public OrganisationSettings {
    mainCentres = List.copyOf(mainCentres);
  }

  /** Trims the input and refuses what breaks a rule, every problem at once. */
  public static OrganisationSettings validate(
      LocalizedText name,
      String shortName,
      String website,
      List<String> mainCentres,
      String certificateSigner,
      String mailSenderName,
      Predicate<String> isRegion,
      InvalidInputException.Collector problems) {
    LocalizedText trimmed = trim(name == null ? LocalizedText.empty() : name);
    problems.check(!trimmed.isEmpty(), "name", "validation.required");
    trimmed
        .values()
        .forEach(
            (lang, value) -> {
              problems.check(
                  Language.fromCode(lang).isPresent(),
                  "name." + lang,
                  "organisation.nameLanguage",
                  lang);
              problems.check(
                  value.length() <= MAX_NAME, "name." + lang, "validation.tooLong", MAX_NAME);
              problems.check(oneLine(value), "name." + lang, "organisation.oneLine");
            });
    String shortN = blankToNull(shortName);
    problems.check(
        shortN == null || shortN.length() <= MAX_SHORT,
        "shortName",
        "validation.tooLong",
        MAX_SHORT);
    problems.check(shortN == null || oneLine(shortN), "shortName", "organisation.oneLine");
    String site = blankToNull(website);
    problems.check(site == null || isWebsite(site), "website", "organisation.website");
    List<String> centres =
        mainCentres == null
            ? List.of()
            : mainCentres.stream().map(String::strip).distinct().toList();
    problems.check(
        !centres.isEmpty() && centres.size() <= MAX_CENTRES,
        "mainCentres",
        "organisation.mainCentres.count",
        MAX_CENTRES);
    problems.check(centres.stream().allMatch(isRegion), "mainCentres", "validation.choice");
    String signer = blankToNull(certificateSigner);
    problems.check(
        signer == null || signer.length() <= MAX_NAME,
        "certificateSigner",
        "validation.tooLong",
        MAX_NAME);
    problems.check(signer == null || oneLine(signer), "certificateSigner", "organisation.oneLine");
    String sender = blankToNull(mailSenderName);
    problems.check(
        sender == null || sender.length() <= 100, "mailSenderName", "validation.tooLong", 100);
    // It becomes the display name of a mail header: no line breaks, quotes or angle brackets.
    problems.check(
        sender == null
            || (oneLine(sender) && sender.chars().noneMatch(c -> "\"<>\\".indexOf(c) >= 0)),
        "mailSenderName",
        "organisation.mailSenderName.chars");
    problems.throwIfAny();
    return new OrganisationSettings(trimmed, shortN, site, centres, signer, sender);
  }

  static boolean isWebsite(String s) {
    if (s.length() > MAX_WEBSITE || !oneLine(s) || s.contains(" ")) {
      return false;
    }
    try {
      URI u = new URI(s);
      return u.getScheme() != null
          && (u.getScheme().equalsIgnoreCase("http") || u.getScheme().equalsIgnoreCase("https"))
          && u.getHost() != null
          && u.getUserInfo() == null;
    } catch (java.net.URISyntaxException e) {
      return false;
    }
  }

  private static boolean oneLine(String s) {
    return s.chars().noneMatch(Character::isISOControl);
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }

  private static LocalizedText trim(LocalizedText t) {
    var out = new java.util.LinkedHashMap<String, String>();
    t.values()
        .forEach(
            (k, v) -> {
              if (v != null && !v.isBlank()) {
                out.put(k, v.strip());
              }
            });
    return new LocalizedText(out);
  }
}
