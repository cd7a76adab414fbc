package org.lectern.learning;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.lectern.audit.AuditLog;
import org.lectern.identity.LecternUser;
import org.lectern.learning.AttemptRepository.Attempt;
import org.lectern.programme.Programme;
import org.lectern.programme.ProgrammeRole;
import org.lectern.programme.ProgrammeService;
import org.lectern.registration.Registration;
import org.lectern.registration.RegistrationService;
import org.lectern.shared.error.ForbiddenException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Results of a programme's knowledge test for its organisers and speakers: scores per delegate
 * (names decrypted, so the listing is audited), paired pre/post gain, and how hard each question
 * was before and after.
 */
@Service
record TestResults(
    ProgrammeService programmes,
    RegistrationService registrations,
    QuestionBankRepository bank,
    AttemptRepository attempts,
    AuditLog audit,
    TransactionTemplate transactions) {

  /** One delegate's scores (per cent, null when not taken) and whether the post-test passed. */
  record DelegateScore(String name, Long pre, Long post, Long gain, Boolean passed) {}

  /** One question: per cent right in the pre- and post-test (null when nobody answered). */
  record QuestionScore(Question question, Long preRight, Long postRight, int preN, int postN) {}

  /** The whole results page's figures. */
  record Results(
      Programme programme,
      int passMark,
      int preTested,
      int postTested,
      int paired,
      Double meanPre,
      Double meanPost,
      int improved,
      int passed,
      List<DelegateScore> delegates,
      List<QuestionScore> questions) {}

  /** The programme if the actor may read its learning results (organisers and its speakers). */
  Programme readable(LecternUser actor, UUID programmeId) {
    Programme p = programmes.visible(actor, programmeId);
    if (!programmes.canManage(actor, p) && !programmes.hasRole(actor, p, ProgrammeRole.SPEAKER)) {
      throw new ForbiddenException("programme.cannotManage");
    }
    return p;
  }

  boolean canManage(LecternUser actor, Programme p) {
    return programmes.canManage(actor, p);
  }

  /** The figures, read in one transaction (with the audit entry of the names shown). */
  Results of(LecternUser actor, UUID programmeId) {
    return transactions.execute(status -> compute(actor, programmeId));
  }

  private Results compute(LecternUser actor, UUID programmeId) {
    Programme p = readable(actor, programmeId);
    TestSettings s = bank.settings(p.id()).orElse(TestSettings.defaults(p.id()));
    Map<UUID, Map<TestKind, Attempt>> byDelegate = new HashMap<>();
    for (Attempt a : attempts.ofProgramme(p.id())) {
      byDelegate
          .computeIfAbsent(a.registrationId(), k -> new EnumMap<>(TestKind.class))
          .put(a.kind(), a);
    }
    Map<UUID, String> names = new HashMap<>();
    for (Registration r : registrations.ofProgramme(p.id())) {
      if (byDelegate.containsKey(r.id())) {
        names.put(r.id(), r.details().fullName());
      }
    }
    List<DelegateScore> rows = new ArrayList<>();
    int pre = 0;
    int post = 0;
    int paired = 0;
    int improved = 0;
    int passed = 0;
    double sumPre = 0;
    double sumPost = 0;
    for (var e : byDelegate.entrySet()) {
      Attempt a = e.getValue().get(TestKind.PRE);
      Attempt b = e.getValue().get(TestKind.POST);
      pre += a == null ? 0 : 1;
      post += b == null ? 0 : 1;
      passed += b != null && b.passed() ? 1 : 0;
      Long gain = null;
      if (a != null && b != null) {
        paired++;
        sumPre += a.percent();
        sumPost += b.percent();
        improved += b.percent() > a.percent() ? 1 : 0;
        gain = Math.round(b.percent() - a.percent());
      }
      rows.add(
          new DelegateScore(
              names.getOrDefault(e.getKey(), ""),
              a == null ? null : Math.round(a.percent()),
              b == null ? null : Math.round(b.percent()),
              gain,
              b == null ? null : b.passed()));
    }
    rows.sort(Comparator.comparing(DelegateScore::name, String.CASE_INSENSITIVE_ORDER));
    Map<UUID, Map<TestKind, AttemptRepository.Difficulty>> diff = new HashMap<>();
    attempts
        .difficulty(p.id())
        .forEach(
            d ->
                diff.computeIfAbsent(d.questionId(), k -> new EnumMap<>(TestKind.class))
                    .put(d.kind(), d));
    List<QuestionScore> questions = new ArrayList<>();
    for (Question q : bank.questions(p.id())) {
      var d = diff.getOrDefault(q.id(), Map.of());
      var dp = d.get(TestKind.PRE);
      var dq = d.get(TestKind.POST);
      questions.add(
          new QuestionScore(
              q,
              dp == null ? null : Math.round(100.0 * dp.right() / dp.answered()),
              dq == null ? null : Math.round(100.0 * dq.right() / dq.answered()),
              dp == null ? 0 : dp.answered(),
              dq == null ? 0 : dq.answered()));
    }
    audit.record(
        new AuditLog.Record(
            actor.id(),
            actor.fullName(),
            "learning.resultsListed",
            p.organisationId(),
            "programme",
            p.id().toString(),
            rows.size(),
            null));
    return new Results(
        p,
        s.passMark(),
        pre,
        post,
        paired,
        paired == 0 ? null : sumPre / paired,
        paired == 0 ? null : sumPost / paired,
        improved,
        passed,
        rows,
        questions);
  }
}
