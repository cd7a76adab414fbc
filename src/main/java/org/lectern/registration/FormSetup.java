package org.lectern.registration;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.lectern.audit.AuditLog;
import org.lectern.identity.LecternUser;
import org.lectern.programme.Programme;
import org.lectern.programme.ProgrammeService;
import org.lectern.shared.database.Transactions;
import org.lectern.shared.error.InvalidInputException;
import org.lectern.shared.i18n.LocalizedText;
import org.lectern.shared.i18n.TextRules;
import org.springframework.stereotype.Service;

/** The organiser sets up a programme's form: fields asked, questions, consent versions. */
@Service
public record FormSetup(
    ProgrammeService programmes,
    FormSetupRepository forms,
    AuditLog audit,
    Transactions transactions) {

  static final int CONSENT_MAX = 5000;

  /** Whether public registrations must be confirmed from the address (double opt-in). */
  public boolean doubleOptIn(UUID programmeId) {
    return forms.doubleOptIn(programmeId);
  }

  /**
   * Switches double opt-in on or off. Off: anyone can put someone else's address on the list, and
   * the form reveals who is registered (the API still answers the same for every address).
   */
  public void setDoubleOptIn(LecternUser actor, UUID programmeId, boolean on) {
    transactions.run(
        () -> {
          Programme p = programmes.manageable(actor, programmeId);
          if (forms.doubleOptIn(programmeId) == on) {
            return;
          }
          forms.saveDoubleOptIn(programmeId, on);
          audit.record(
              new AuditLog.Record(
                  actor.id(),
                  actor.fullName(),
                  on ? "registration.optInOn" : "registration.optInOff",
                  p.organisationId(),
                  "programme",
                  programmeId.toString(),
                  null,
                  null));
        });
  }

  public FormSettings settings(UUID programmeId) {
    return forms.settings(programmeId);
  }

  public List<Question> questions(UUID programmeId) {
    return forms.questions(programmeId);
  }

  public Optional<Consent> consent(UUID programmeId) {
    return forms.currentConsent(programmeId);
  }

  /** Saves the settings; a consent text that differs from the current one becomes a new version. */
  public void save(
      LecternUser actor,
      UUID programmeId,
      Set<StandardField> asked,
      Set<StandardField> required,
      boolean open,
      boolean invitationOnly,
      LocalizedText consent) {
    transactions.run(
        () -> {
          Programme p = programmes.manageable(actor, programmeId);
          var problems = new InvalidInputException.Collector();
          TextRules.check(problems, "consent", consent, p.languages(), CONSENT_MAX);
          problems.throwIfAny();
          Set<StandardField> req = EnumSet.noneOf(StandardField.class);
          req.addAll(required);
          req.retainAll(asked);
          forms.saveSettings(
              new FormSettings(
                  programmeId,
                  asked.isEmpty() ? EnumSet.noneOf(StandardField.class) : EnumSet.copyOf(asked),
                  req,
                  invitationOnly,
                  open));
          var current =
              forms.currentConsent(programmeId).map(Consent::texts).orElse(LocalizedText.empty());
          if (!consent.isEmpty() && !consent.values().equals(current.values())) {
            forms.addConsent(programmeId, consent);
          }
        });
  }

  /** Adds a custom question; choices are given per language, one per line, in the same order. */
  public Question addQuestion(
      LecternUser actor,
      UUID programmeId,
      Question.Kind kind,
      LocalizedText label,
      LocalizedText optionLines,
      boolean required) {
    return transactions.result(
        () -> {
          Programme p = programmes.manageable(actor, programmeId);
          var problems = new InvalidInputException.Collector();
          problems.check(
              label.has(p.mainLanguage()), "label." + p.mainLanguage(), "validation.required");
          TextRules.check(problems, "label", label, p.languages(), 500);
          List<Question.Option> options = new ArrayList<>();
          if (kind == Question.Kind.SINGLE || kind == Question.Kind.MULTIPLE) {
            List<String> main = lines(optionLines.get(p.mainLanguage()));
            problems.check(
                main.size() >= 2,
                "options." + p.mainLanguage(),
                "registration.settings.question.optionsMissing");
            for (String lang : optionLines.values().keySet()) {
              problems.check(
                  lines(optionLines.get(lang)).size() == main.size(),
                  "options." + lang,
                  "registration.settings.question.optionsMismatch");
            }
            problems.throwIfAny();
            for (int i = 0; i < main.size(); i++) {
              LocalizedText optionLabel = LocalizedText.empty();
              for (String lang : optionLines.values().keySet()) {
                optionLabel = optionLabel.with(lang, lines(optionLines.get(lang)).get(i));
              }
              options.add(new Question.Option("o" + (i + 1), optionLabel));
            }
          }
          problems.throwIfAny();
          Question q =
              new Question(
                  UUID.randomUUID(),
                  programmeId,
                  forms.questions(programmeId).size(),
                  kind,
                  label,
                  options,
                  required,
                  true);
          forms.saveQuestion(q);
          return q;
        });
  }

  /** Stops (or resumes) asking a question; answers already given are kept. */
  public void setActive(LecternUser actor, UUID programmeId, UUID questionId, boolean active) {
    transactions.run(
        () -> {
          programmes.manageable(actor, programmeId);
          forms.questions(programmeId).stream()
              .filter(q -> q.id().equals(questionId))
              .findFirst()
              .ifPresent(
                  q ->
                      forms.saveQuestion(
                          new Question(
                              q.id(),
                              q.programmeId(),
                              q.position(),
                              q.kind(),
                              q.label(),
                              q.options(),
                              q.required(),
                              active)));
        });
  }

  private static List<String> lines(String text) {
    return text == null
        ? List.of()
        : text.lines().map(String::strip).filter(s -> !s.isEmpty()).toList();
  }
}
