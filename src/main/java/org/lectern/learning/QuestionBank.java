package org.lectern.learning;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.lectern.identity.LecternUser;
import org.lectern.programme.Programme;
import org.lectern.programme.ProgrammeService;
import org.lectern.shared.error.ConflictException;
import org.lectern.shared.error.NotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The organiser's side of a programme's knowledge test: its question bank in every language of the
 * programme, the pass mark, and opening it to delegates. Once anyone has answered, the bank is
 * frozen, so every delegate's pre- and post-test are the same test.
 */
@Service
class QuestionBank {

  static final int MAX_QUESTIONS = 100;

  private final ProgrammeService programmes;
  private final QuestionBankRepository bank;
  private final AttemptRepository attempts;
  private final Clock clock;

  QuestionBank(
      ProgrammeService programmes,
      QuestionBankRepository bank,
      AttemptRepository attempts,
      Clock clock) {
    this.programmes = programmes;
    this.bank = bank;
    this.attempts = attempts;
    this.clock = clock;
  }

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

  @Transactional
  void add(LecternUser actor, UUID programmeId, Map<String, String> form) {
    Programme p = programmes.manageable(actor, programmeId);
    QuestionForm q = QuestionForm.parse(form, p.languages());
    bank.lockSettings(p.id(), clock.instant());
    refuseWhenAnswered(p.id());
    if (bank.count(p.id()) >= MAX_QUESTIONS) {
      throw new ConflictException("learning.bankFull", MAX_QUESTIONS);
    }
    bank.add(p.id(), q, clock.instant());
  }

  @Transactional
  void delete(LecternUser actor, UUID programmeId, UUID questionId) {
    Programme p = programmes.manageable(actor, programmeId);
    TestSettings s = bank.lockSettings(p.id(), clock.instant());
    refuseWhenAnswered(p.id());
    if (!bank.delete(p.id(), questionId)) {
      throw new NotFoundException("learning.questionNotFound");
    }
    if (s.opened() && bank.count(p.id()) == 0) {
      bank.save(s.close(), clock.instant());
    }
  }

  @Transactional
  void settings(LecternUser actor, UUID programmeId, String passMark, String postDays) {
    Programme p = programmes.manageable(actor, programmeId);
    TestSettings s = bank.lockSettings(p.id(), clock.instant());
    TestSettings changed = s.change(passMark, postDays);
    if (changed.passMark() != s.passMark()) {
      refuseWhenAnswered(p.id());
    }
    bank.save(changed, clock.instant());
  }

  @Transactional
  void open(LecternUser actor, UUID programmeId, boolean open) {
    Programme p = programmes.manageable(actor, programmeId);
    TestSettings s = bank.lockSettings(p.id(), clock.instant());
    bank.save(open ? s.open(bank.count(p.id())) : s.close(), clock.instant());
  }

  private void refuseWhenAnswered(UUID programmeId) {
    if (attempts.any(programmeId)) {
      throw new ConflictException("learning.bankFrozen");
    }
  }
}
