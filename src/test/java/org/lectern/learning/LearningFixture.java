package org.lectern.learning;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.lectern.identity.LecternUser;
import org.lectern.identity.UserService;
import org.lectern.programme.ProgrammeInput;
import org.lectern.programme.ProgrammeRole;
import org.lectern.programme.ProgrammeService;
import org.lectern.registration.FormSetup;
import org.lectern.registration.RegistrationRequest;
import org.lectern.registration.RegistrationService;
import org.lectern.registration.StandardField;
import org.lectern.session.SessionInput;
import org.lectern.session.SessionService;
import org.lectern.shared.i18n.LocalizedText;
import org.lectern.support.Fixtures;
import org.springframework.stereotype.Component;

/** Programmes with sessions, delegates and question banks for learning tests, via the services. */
@Component
class LearningFixture {

  private final Fixtures fixtures;
  private final ProgrammeService programmes;
  private final SessionService sessions;
  private final FormSetup forms;
  private final RegistrationService registrations;
  private final UserService users;
  final QuestionBank bank;

  LearningFixture(
      Fixtures fixtures,
      ProgrammeService programmes,
      SessionService sessions,
      FormSetup forms,
      RegistrationService registrations,
      UserService users,
      QuestionBank bank) {
    this.fixtures = fixtures;
    this.programmes = programmes;
    this.sessions = sessions;
    this.forms = forms;
    this.registrations = registrations;
    this.users = users;
    this.bank = bank;
  }

  LecternUser organiser(String label) {
    return fixtures.organiser(label);
  }

  /** A programme in ru and kk with region and gender asked, and one session at {@code start}. */
  UUID programme(LecternUser organiser, Instant start) {
    var p =
        programmes.create(
            organiser,
            null,
            ProgrammeInput.validate(
                new ProgrammeInput.Raw(
                    "learning-" + UUID.randomUUID().toString().substring(0, 8),
                    new LocalizedText(Map.of("ru", "Вебинары по МПГПП", "kk", "ХАСҚП вебинарлары")),
                    LocalizedText.empty(),
                    List.of("ru", "kk"),
                    "Asia/Almaty",
                    BigDecimal.valueOf(2),
                    1000,
                    true,
                    false)));
    forms.save(
        organiser,
        p.id(),
        EnumSet.of(StandardField.REGION, StandardField.GENDER, StandardField.LANGUAGE),
        EnumSet.noneOf(StandardField.class),
        true,
        false,
        LocalizedText.empty());
    sessions.create(
        organiser,
        p.id(),
        new SessionInput.Raw(
            new LocalizedText(Map.of("ru", "Статья 14", "kk", "14-бап")),
            LocalizedText.empty(),
            start,
            start.plusSeconds(7200),
            "ONLINE",
            LocalizedText.empty(),
            null,
            "ru",
            List.of(),
            List.of(14),
            null,
            null),
        List.of(),
        true);
    return p.id();
  }

  UUID delegate(LecternUser organiser, UUID programme, String name, String region, String gender) {
    var r =
        new RegistrationRequest(
            name,
            name.toLowerCase().replace(' ', '.')
                + "-"
                + UUID.randomUUID().toString().substring(0, 6)
                + "@example.org",
            null,
            region,
            null,
            null,
            null,
            null,
            gender,
            null,
            null,
            "ru",
            null,
            Map.of(),
            true,
            Map.of(),
            null);
    return registrations.register(programme, r, organiser).registration().id();
  }

  String token(UUID registration) {
    return registrations.accessToken(registration);
  }

  /** Two true/false questions and one single-choice question (right answers: 1, 2, 3), opened. */
  void threeQuestions(LecternUser organiser, UUID programme) {
    bank.add(organiser, programme, trueFalse("Право на справедливое суд?", "Сот әділ ме?", "1"));
    bank.add(organiser, programme, trueFalse("Пытки допустимы?", "Азаптау рұқсат па?", "2"));
    bank.add(
        organiser,
        programme,
        Map.of(
            "kind", "SINGLE",
            "body.ru", "Какая статья о свободе выражения?",
            "body.kk", "Сөз бостандығы қай бапта?",
            "options.ru", "Статья 9\nСтатья 14\nСтатья 19",
            "options.kk", "9-бап\n14-бап\n19-бап",
            "explanation.ru", "Статья 19 МПГПП.",
            "correct", "3"));
    bank.open(organiser, programme, true);
  }

  static Map<String, String> trueFalse(String ru, String kk, String correct) {
    return Map.of("kind", "TRUE_FALSE", "body.ru", ru, "body.kk", kk, "correct", correct);
  }

  LecternUser member(LecternUser organiser, UUID programme, ProgrammeRole role) {
    UUID id =
        users.create(
            role.name().toLowerCase()
                + "-"
                + UUID.randomUUID().toString().substring(0, 8)
                + "@example.org",
            "Member " + role,
            Fixtures.PASSWORD,
            false);
    programmes.grant(organiser, programme, id, role);
    return users.find(id).orElseThrow();
  }
}
