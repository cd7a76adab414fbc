package org.lectern.registration;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.lectern.identity.Emails;
import org.lectern.reference.Regions;
import org.lectern.shared.error.InvalidInputException;

/** Checks a submission against the programme's form; reports every problem at once. */
final class RequestCheck {

  static final int NAME_MAX = 200;
  static final int SHORT_MAX = 100;
  static final int LONG_MAX = 2000;
  private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());

  private RequestCheck() {}

  /** What passed: details, answers, attendance choices. */
  record Checked(
      DelegateDetails details, List<Answer> answers, Map<UUID, AttendanceMode> attendance) {}

  static Checked check(
      RegistrationRequest r,
      FormSettings settings,
      List<Question> questions,
      Set<UUID> hybridSessions,
      Regions regions,
      String fallbackLanguage,
      InvalidInputException.Collector p) {
    String name = trim(r.fullName());
    p.check(name != null, "fullName", "validation.required");
    p.check(name == null || name.length() <= NAME_MAX, "fullName", "validation.tooLong", NAME_MAX);
    p.check(
        name == null || name.codePoints().noneMatch(Character::isISOControl),
        "fullName",
        "validation.invalid");
    String email = trim(r.email());
    p.check(email != null, "email", "validation.required");
    p.check(email == null || Emails.isValid(email), "email", "validation.email");
    String phone = asked(settings, StandardField.PHONE, "phone", r.phone(), p);
    p.check(phone == null || phone.matches("\\+?[0-9 ()\\-]{5,25}"), "phone", "registration.phone");
    String region = asked(settings, StandardField.REGION, "region", r.region(), p);
    p.check(region == null || regions.isValid(region), "region", "validation.choice");
    String country = null;
    if (Regions.OTHER.equals(region)) {
      country = trim(r.country()) == null ? null : trim(r.country()).toUpperCase(Locale.ROOT);
      p.check(
          country != null && COUNTRIES.contains(country) && !"KZ".equals(country),
          "country",
          "registration.country");
    }
    String town = asked(settings, StandardField.TOWN, "town", r.town(), p);
    p.check(town == null || town.length() <= SHORT_MAX, "town", "validation.tooLong", SHORT_MAX);
    String profession =
        choice(
            settings,
            StandardField.PROFESSION,
            "profession",
            r.profession(),
            Vocabulary.PROFESSIONS,
            p);
    String years =
        choice(
            settings, StandardField.YEARS, "yearsBand", r.yearsBand(), Vocabulary.YEARS_BANDS, p);
    String gender =
        choice(settings, StandardField.GENDER, "gender", r.gender(), Vocabulary.GENDERS, p);
    String bar =
        choice(settings, StandardField.BAR, "barMember", r.barMember(), List.of("yes", "no"), p);
    notCollected(settings.asks(StandardField.BAR), "licenceNumber", r.licenceNumber(), p);
    notCollected(settings.asks(StandardField.REGION), "country", r.country(), p);
    String licence = settings.asks(StandardField.BAR) ? trim(r.licenceNumber()) : null;
    p.check(
        licence == null || licence.length() <= SHORT_MAX,
        "licenceNumber",
        "validation.tooLong",
        SHORT_MAX);
    String language =
        choice(settings, StandardField.LANGUAGE, "language", r.language(), Vocabulary.LANGUAGES, p);
    String access =
        asked(settings, StandardField.ACCESSIBILITY, "accessibility", r.accessibility(), p);
    p.check(
        access == null || access.length() <= LONG_MAX,
        "accessibility",
        "validation.tooLong",
        LONG_MAX);
    var details =
        new DelegateDetails(
            name,
            email,
            phone,
            region,
            country,
            town,
            profession,
            years,
            gender,
            bar == null ? null : bar.equals("yes"),
            licence,
            language != null ? language : fallbackLanguage,
            access);
    return new Checked(details, answers(r, questions, p), attendance(r, hybridSessions, p));
  }

  private static List<Answer> answers(
      RegistrationRequest r, List<Question> questions, InvalidInputException.Collector p) {
    List<Answer> list = new ArrayList<>();
    Map<String, List<String>> given = r.answers() == null ? Map.of() : r.answers();
    Set<String> asked = new java.util.HashSet<>();
    questions.stream().filter(Question::active).forEach(q -> asked.add(q.id().toString()));
    given.forEach(
        (id, values) ->
            notCollected(
                asked.contains(id), "q." + id, values == null ? null : String.join("", values), p));
    for (Question q : questions) {
      if (!q.active()) {
        continue;
      }
      List<String> values =
          given.getOrDefault(q.id().toString(), List.of()).stream()
              .map(String::strip)
              .filter(v -> !v.isEmpty())
              .toList();
      if (values.isEmpty()) {
        p.check(!q.required(), q.field(), "validation.required");
        continue;
      }
      if (q.kind() == Question.Kind.TEXT) {
        String text = String.join("\n", values);
        p.check(
            text.length() <= Question.TEXT_MAX, q.field(), "validation.tooLong", Question.TEXT_MAX);
        list.add(new Answer(q.id(), List.of(), text));
        continue;
      }
      boolean one = q.kind() != Question.Kind.MULTIPLE;
      p.check(!one || values.size() == 1, q.field(), "validation.choice");
      p.check(q.values().containsAll(values), q.field(), "validation.choice");
      list.add(new Answer(q.id(), values.stream().distinct().toList(), null));
    }
    return list;
  }

  private static Map<UUID, AttendanceMode> attendance(
      RegistrationRequest r, Set<UUID> hybrid, InvalidInputException.Collector p) {
    Map<UUID, AttendanceMode> m = new HashMap<>();
    Map<String, String> given = r.attendance() == null ? Map.of() : r.attendance();
    given.forEach(
        (session, mode) -> {
          UUID id = parse(session);
          String field = "attend." + session;
          if (id == null || !hybrid.contains(id)) {
            p.add(field, "validation.choice");
          } else if (mode != null && !mode.isBlank()) {
            try {
              m.put(id, AttendanceMode.valueOf(mode.strip().toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException e) {
              p.add(field, "validation.choice");
            }
          }
        });
    return m;
  }

  private static String asked(
      FormSettings s,
      StandardField f,
      String field,
      String value,
      InvalidInputException.Collector p) {
    if (!s.asks(f)) {
      notCollected(false, field, value, p);
      return null;
    }
    String v = trim(value);
    p.check(v != null || !s.requires(f), field, "validation.required");
    return v;
  }

  private static String choice(
      FormSettings s,
      StandardField f,
      String field,
      String value,
      List<String> allowed,
      InvalidInputException.Collector p) {
    String v = asked(s, f, field, value, p);
    if (v != null && !allowed.contains(v)) {
      p.add(field, "validation.choice");
      return null;
    }
    return v;
  }

  /**
   * No silent loss (API.md): a value for something the programme does not ask is refused rather
   * than dropped, so the caller does not believe it was kept. Empty values are fine.
   */
  private static void notCollected(
      boolean asked, String field, String value, InvalidInputException.Collector p) {
    p.check(asked || trim(value) == null, field, "validation.notCollected");
  }

  static UUID parse(String s) {
    try {
      return s == null ? null : UUID.fromString(s.strip());
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  private static String trim(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }
}
