package org.lectern.demo;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.lectern.identity.LecternUser;
import org.lectern.registration.DelegateDetails;
import org.lectern.registration.FormSetup;
import org.lectern.registration.RegistrationAdminService;
import org.lectern.registration.RegistrationRequest;
import org.lectern.registration.RegistrationService;
import org.lectern.registration.RegistrationStatus;
import org.lectern.registration.StandardField;
import org.lectern.shared.i18n.LocalizedText;
import org.springframework.stereotype.Component;

/**
 * Fictional delegates for the demo, generated from a fixed seed: the 2019 in-person training drew
 * mostly from Almaty and Astana, the 2021 webinars from all 20 regions. Names are combined from
 * lists of common first names and surnames; they belong to nobody. Registered through {@link
 * RegistrationService}, so they are checked and encrypted like real registrations.
 */
@Component
record DemoDelegates(
    RegistrationService registrations, RegistrationAdminService office, FormSetup forms) {

  private static final List<String> FIRST_F =
      List.of(
          "Айгерим",
          "Динара",
          "Жанар",
          "Салтанат",
          "Гульнара",
          "Асель",
          "Мадина",
          "Алия",
          "Елена",
          "Ольга",
          "Наталья",
          "Светлана",
          "Камила",
          "Дана",
          "Томирис",
          "Индира");
  private static final List<String> FIRST_M =
      List.of(
          "Ерлан",
          "Нурлан",
          "Асхат",
          "Бауыржан",
          "Дархан",
          "Санжар",
          "Айдос",
          "Ержан",
          "Сергей",
          "Андрей",
          "Дмитрий",
          "Тимур",
          "Руслан",
          "Арман",
          "Мирас",
          "Олжас");
  private static final List<String> SURNAMES =
      List.of(
          "Ахметов",
          "Омаров",
          "Сериков",
          "Жумабаев",
          "Касымов",
          "Нуриев",
          "Тулегенов",
          "Абенов",
          "Исаев",
          "Ким",
          "Петров",
          "Соколов",
          "Бекова",
          "Есенова",
          "Мусина",
          "Жаксылыков");

  /** Delegates per region (ISO 3166-2) for the in-person 2019 training in Almaty. */
  static final Map<String, Integer> IN_PERSON_2019 =
      Map.of("KZ-75", 24, "KZ-71", 7, "KZ-19", 2, "KZ-35", 1, "KZ-79", 1);

  /** Delegates per region for the 2021 online series: every region, and a few from abroad. */
  static final Map<String, Integer> ONLINE_2021 =
      Map.ofEntries(
          Map.entry("KZ-75", 38),
          Map.entry("KZ-71", 24),
          Map.entry("KZ-79", 12),
          Map.entry("KZ-35", 11),
          Map.entry("KZ-63", 9),
          Map.entry("KZ-55", 8),
          Map.entry("KZ-15", 8),
          Map.entry("KZ-23", 7),
          Map.entry("KZ-27", 7),
          Map.entry("KZ-39", 7),
          Map.entry("KZ-19", 9),
          Map.entry("KZ-31", 6),
          Map.entry("KZ-47", 6),
          Map.entry("KZ-61", 8),
          Map.entry("KZ-43", 5),
          Map.entry("KZ-59", 5),
          Map.entry("KZ-11", 6),
          Map.entry("KZ-10", 5),
          Map.entry("KZ-33", 5),
          Map.entry("KZ-62", 5),
          Map.entry("OTHER", 4));

  void register(
      LecternUser organiser, UUID programmeId, Map<String, Integer> perRegion, long seed) {
    forms.save(
        organiser,
        programmeId,
        EnumSet.of(
            StandardField.REGION,
            StandardField.PROFESSION,
            StandardField.LANGUAGE,
            StandardField.GENDER,
            StandardField.YEARS),
        EnumSet.noneOf(StandardField.class),
        true,
        false,
        LocalizedText.empty());
    Random random = new Random(seed);
    int n = 0;
    for (var region : new java.util.TreeMap<>(perRegion).entrySet()) {
      for (int i = 0; i < region.getValue(); i++) {
        var r =
            registrations
                .register(programmeId, request(random, region.getKey(), seed, n++), organiser)
                .registration();
        // The 2019 training approved its applicants: they took part, so the demo confirms them.
        if (r.status() == RegistrationStatus.PENDING) {
          office.approve(organiser, r.id());
        }
      }
    }
  }

  private static RegistrationRequest request(Random random, String region, long seed, int n) {
    boolean female = random.nextInt(100) < 58;
    String first = pick(random, female ? FIRST_F : FIRST_M);
    String surname = pick(random, SURNAMES);
    if (female && !surname.endsWith("а") && !surname.equals("Ким")) {
      surname = surname + "а";
    }
    String profession =
        weighted(
            random,
            List.of(
                "advocate",
                "legal_consultant",
                "ngo_lawyer",
                "in_house_lawyer",
                "academic",
                "student",
                "judge",
                "other"),
            new int[] {45, 18, 12, 8, 6, 6, 2, 3});
    String years =
        weighted(
            random,
            List.of("none", "1-2", "3-5", "6-10", "11-20", "21+"),
            new int[] {5, 14, 24, 27, 20, 10});
    String language =
        weighted(
            random,
            List.of("ru", "kk", "en"),
            region.equals("OTHER") ? new int[] {0, 0, 1} : new int[] {62, 33, 5});
    String gender = random.nextInt(100) < 3 ? "undisclosed" : female ? "female" : "male";
    var details =
        new DelegateDetails(
            first + " " + surname,
            "delegate-" + seed + "-" + n + "@demo.lectern.example",
            null,
            region,
            region.equals("OTHER") ? "GB" : null,
            null,
            profession,
            years,
            gender,
            null,
            null,
            language,
            null);
    return RegistrationRequest.of(details, Map.of(), true, Map.of(), null);
  }

  private static String pick(Random random, List<String> list) {
    return list.get(random.nextInt(list.size()));
  }

  private static String weighted(Random random, List<String> values, int[] weights) {
    int total = java.util.Arrays.stream(weights).sum();
    int r = random.nextInt(total);
    for (int i = 0; i < weights.length; i++) {
      r -= weights[i];
      if (r < 0) {
        return values.get(i);
      }
    }
    return values.get(values.size() - 1);
  }
}
