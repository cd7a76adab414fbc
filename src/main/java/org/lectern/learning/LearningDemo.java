package org.lectern.learning;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.lectern.programme.Programme;
import org.lectern.programme.ProgrammeService;
import org.lectern.registration.DelegateContact;
import org.lectern.registration.RegistrationService;
import org.lectern.session.Session;
import org.lectern.session.SessionService;
import org.lectern.shared.database.Transactions;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Learning data for the demo's past series, written as it would have been at the time (the windows
 * are long closed, so the services' own checks are bypassed): a five-question bank, pre- and
 * post-tests, the final feedback survey and the follow-up months later. Outcomes come from a seeded
 * random sequence over the confirmed delegates, so every start of the demo shows the same figures.
 */
@Component
public record LearningDemo(
    JdbcClient jdbc,
    ProgrammeService programmes,
    SessionService sessions,
    RegistrationService registrations,
    Transactions transactions) {

  private static final String[][] QUESTIONS = {
    {
      "TRUE_FALSE",
      "1",
      "The prohibition of torture (Article 7) allows no derogation, even in an emergency.",
      "Запрет пыток (статья 7) не допускает отступлений даже в чрезвычайной ситуации.",
      "Азаптауға тыйым салу (7-бап) төтенше жағдайда да шегінуге жол бермейді."
    },
    {
      "TRUE_FALSE",
      "2",
      "A state may always hold a trial in camera without giving reasons.",
      "Государство всегда может проводить закрытый процесс без объяснения причин.",
      "Мемлекет себебін айтпай сотты әрқашан жабық өткізе алады."
    },
    {
      "TRUE_FALSE",
      "1",
      "The Human Rights Committee's Views under the Optional Protocol are addressed to the state.",
      "Соображения Комитета по правам человека по Факультативному протоколу адресованы государству.",
      "Адам құқықтары жөніндегі комитеттің Факультативтік хаттама бойынша пікірлері мемлекетке арналады."
    },
    {
      "TRUE_FALSE",
      "2",
      "Restrictions on freedom of expression need no basis in law if they protect public order.",
      "Ограничения свободы выражения не требуют основания в законе, если защищают общественный порядок.",
      "Сөз бостандығын шектеу қоғамдық тәртіпті қорғаса, заңда негізделуді қажет етпейді."
    },
    {
      "TRUE_FALSE",
      "1",
      "Pandemic measures limiting assembly must be necessary and proportionate.",
      "Меры в связи с пандемией, ограничивающие собрания, должны быть необходимыми и соразмерными.",
      "Жиналыстарды шектейтін пандемия шаралары қажетті және мөлшерлес болуы керек."
    }
  };

  /** Writes the programme's bank, tests, final survey and follow-up answers; once. */
  public void seed(UUID programmeId, long seed) {
    transactions.run(
        () -> {
          Programme p = programmes.find(programmeId).orElseThrow();
          List<Session> all = sessions.publishedOfProgramme(programmeId);
          Instant first = all.stream().map(Session::startsAt).min(Instant::compareTo).orElseThrow();
          Instant last = all.stream().map(Session::endsAt).max(Instant::compareTo).orElseThrow();
          jdbc.sql(
                  "insert into learning_test (programme_id, pass_mark, post_days, opened, updated_at)"
                      + " values (:p, 70, 30, true, :at)")
              .param("p", programmeId)
              .param("at", Timestamp.from(first.minus(Duration.ofDays(14))))
              .update();
          jdbc.sql(
                  "insert into learning_survey_setting (programme_id, anonymous, updated_at)"
                      + " values (:p, false, :at)")
              .param("p", programmeId)
              .param("at", Timestamp.from(first.minus(Duration.ofDays(14))))
              .update();
          List<UUID> questions = new ArrayList<>();
          List<Integer> right = new ArrayList<>();
          for (int i = 0; i < QUESTIONS.length; i++) {
            String[] q = QUESTIONS[i];
            UUID id = UUID.randomUUID();
            jdbc.sql(
                    """
                    insert into learning_question (id, programme_id, position, kind, body, options,
                      correct, explanation, created_at)
                    values (:id, :p, :pos, :k, cast(:b as jsonb), '{}'::jsonb, :c, '{}'::jsonb, :at)
                    """)
                .param("id", id)
                .param("p", programmeId)
                .param("pos", i + 1)
                .param("k", q[0])
                .param(
                    "b",
                    org.lectern.shared.database.Json.write(
                        Map.of("en", q[2], "ru", q[3], "kk", q[4])))
                .param("c", new Integer[] {Integer.valueOf(q[1])})
                .param("at", Timestamp.from(first.minus(Duration.ofDays(14))))
                .update();
            questions.add(id);
            right.add(Integer.valueOf(q[1]));
          }
          Random random = new Random(seed);
          ZoneId zone = p.timeZone();
          for (DelegateContact d : registrations.confirmedContactsOf(programmeId)) {
            double roll = random.nextDouble();
            // Eight in ten take the pre-test; two in three of those come back for the post-test.
            boolean pre = roll < 0.8;
            boolean post = pre && random.nextDouble() < 0.67;
            double skill = 0.35 + random.nextDouble() * 0.3;
            if (pre) {
              attempt(
                  programmeId,
                  d.registrationId(),
                  "PRE",
                  questions,
                  right,
                  skill,
                  random,
                  first.minus(Duration.ofDays(2)));
            }
            if (post) {
              double gain = random.nextDouble() < 0.8 ? 0.25 + random.nextDouble() * 0.3 : 0;
              attempt(
                  programmeId,
                  d.registrationId(),
                  "POST",
                  questions,
                  right,
                  skill + gain,
                  random,
                  last.plus(Duration.ofDays(3)));
              if (random.nextDouble() < 0.75) {
                survey(
                    programmeId, d.registrationId(), random, last.plus(Duration.ofDays(2)), zone);
              }
            }
            if (pre && random.nextDouble() < 0.55) {
              followUp(
                  programmeId, d.registrationId(), random, last.plus(Duration.ofDays(100)), zone);
            }
          }
        });
  }

  private void attempt(
      UUID programme,
      UUID registration,
      String kind,
      List<UUID> questions,
      List<Integer> right,
      double skill,
      Random random,
      Instant at) {
    UUID id = UUID.randomUUID();
    boolean[] ok = new boolean[questions.size()];
    int score = 0;
    for (int i = 0; i < ok.length; i++) {
      ok[i] = random.nextDouble() < Math.min(0.95, skill);
      score += ok[i] ? 1 : 0;
    }
    jdbc.sql(
            """
            insert into learning_attempt (id, programme_id, registration_id, kind, score, max_score,
              passed, submitted_at)
            values (:id, :p, :r, :k, :s, :m, :ok, :at)
            """)
        .param("id", id)
        .param("p", programme)
        .param("r", registration)
        .param("k", kind)
        .param("s", score)
        .param("m", ok.length)
        .param("ok", score * 100 >= 70 * ok.length)
        .param("at", Timestamp.from(at))
        .update();
    for (int i = 0; i < ok.length; i++) {
      int chosen = ok[i] ? right.get(i) : 3 - right.get(i);
      jdbc.sql(
              "insert into learning_answer (attempt_id, question_id, chosen, correct)"
                  + " values (:a, :q, :c, :ok)")
          .param("a", id)
          .param("q", questions.get(i))
          .param("c", new Integer[] {chosen})
          .param("ok", ok[i])
          .update();
    }
  }

  private void survey(UUID programme, UUID registration, Random random, Instant at, ZoneId zone) {
    jdbc.sql(
            """
            insert into learning_survey_answer (id, programme_id, session_key, final_survey,
              registration_id, satisfaction, relevance, speaker, comment_sealed, answered_on)
            values (:id, :p, :p, true, :r, :s, :rel, :sp, null, :on)
            """)
        .param("id", UUID.randomUUID())
        .param("p", programme)
        .param("r", registration)
        .param("s", 3 + random.nextInt(3))
        .param("rel", 2 + random.nextInt(4))
        .param("sp", 3 + random.nextInt(3))
        .param("on", Date.valueOf(at.atZone(zone).toLocalDate()))
        .update();
    jdbc.sql(
            "insert into learning_survey_responded (programme_id, session_key, registration_id)"
                + " values (:p, :p, :r)")
        .param("p", programme)
        .param("r", registration)
        .update();
  }

  private void followUp(UUID programme, UUID registration, Random random, Instant at, ZoneId zone) {
    boolean used = random.nextDouble() < 0.6;
    boolean cited = used && random.nextDouble() < 0.4;
    jdbc.sql(
            """
            insert into learning_follow_up_sent (programme_id, registration_id, invited_at)
            values (:p, :r, :at) on conflict do nothing
            """)
        .param("p", programme)
        .param("r", registration)
        .param("at", Timestamp.from(at.minus(Duration.ofDays(3))))
        .update();
    jdbc.sql(
            """
            insert into learning_follow_up_answer (id, programme_id, registration_id, used, cited,
              example_sealed, answered_on)
            values (:id, :p, :r, :u, :c, null, :on)
            """)
        .param("id", UUID.randomUUID())
        .param("p", programme)
        .param("r", registration)
        .param("u", used)
        .param("c", cited)
        .param("on", Date.valueOf(at.atZone(zone).toLocalDate()))
        .update();
    jdbc.sql(
            "insert into learning_follow_up_responded (programme_id, registration_id)"
                + " values (:p, :r)")
        .param("p", programme)
        .param("r", registration)
        .update();
  }
}
