package org.lectern.learning;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.lectern.identity.LecternUser;
import org.lectern.programme.Programme;
import org.lectern.programme.ProgrammeService;
import org.lectern.shared.database.Transactions;
import org.lectern.shared.error.ConflictException;
import org.lectern.shared.error.NotFoundException;
import org.springframework.stereotype.Service;

/**
 * The organiser's side of a programme's knowledge test: its question bank in every language of the
 * programme, the pass mark, and opening it to delegates. Once anyone has answered, the bank is
 * frozen, so every delegate's pre- and post-test are the same test.
 */
@Service
record QuestionBank(
    ProgrammeService programmes,
    QuestionBankRepository bank,
    AttemptRepository attempts,
    Clock clock,
    Transactions transactions) {

  static final int MAX_QUESTIONS = 100;

  /** What the bank page shows. */
  record Bank(
      Programme programme, TestSettings settings, List<Question> questions, boolean answered) {}

  Bank of(LecternUser actor, UUID programmeId) {
    Programme p = programmes.manageable(actor, programmeId);
    return new Bank(
        p,
        bank.settings(p.id()).orElse(TestSettings.defaults(p.id())),
        bank.questions(p.id()),
        attempts.any(p.id()));
  }

  void add(LecternUser actor, UUID programmeId, Map<String, String> form) {
    transactions.run(
        () -> {
          Programme p = programmes.manageable(actor, programmeId);
          QuestionForm q = QuestionForm.parse(form, p.languages());
          bank.lockSettings(p.id(), clock.instant());
          refuseWhenAnswered(p.id());
          if (bank.count(p.id()) >= MAX_QUESTIONS) {
            throw new ConflictException("learning.bankFull", MAX_QUESTIONS);
          }
          bank.add(p.id(), q, clock.instant());
        });
  }

  void delete(LecternUser actor, UUID programmeId, UUID questionId) {
    transactions.run(
        () -> {
          Programme p = programmes.manageable(actor, programmeId);
          TestSettings s = bank.lockSettings(p.id(), clock.instant());
          refuseWhenAnswered(p.id());
          if (!bank.delete(p.id(), questionId)) {
            throw new NotFoundException("learning.questionNotFound");
          }
          if (s.opened() && bank.count(p.id()) == 0) {
            bank.save(s.close(), clock.instant());
          }
        });
  }

  void settings(LecternUser actor, UUID programmeId, String passMark, String postDays) {
    transactions.run(
        () -> {
          Programme p = programmes.manageable(actor, programmeId);
          TestSettings s = bank.lockSettings(p.id(), clock.instant());
          TestSettings changed = s.change(passMark, postDays);
          if (changed.passMark() != s.passMark()) {
            refuseWhenAnswered(p.id());
          }
          bank.save(changed, clock.instant());
        });
  }

  void open(LecternUser actor, UUID programmeId, boolean open) {
    transactions.run(
        () -> {
          Programme p = programmes.manageable(actor, programmeId);
          TestSettings s = bank.lockSettings(p.id(), clock.instant());
          bank.save(open ? s.open(bank.count(p.id())) : s.close(), clock.instant());
        });
  }

  private void refuseWhenAnswered(UUID programmeId) {
    if (attempts.any(programmeId)) {
      throw new ConflictException("learning.bankFrozen");
    }
  }
}
