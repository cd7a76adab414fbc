package org.lectern.learning;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.lectern.audit.AuditLog;
import org.lectern.identity.LecternUser;
import org.lectern.registration.RegistrationService;
import org.lectern.shared.database.Transactions;
import org.lectern.shared.web.FormErrors;
import org.lectern.shared.web.Ui;
import org.springframework.stereotype.Component;

/** Builds the recording pages; listing who shared a link is audited. */
@Component
record RecordingViews(
    Recordings recordings,
    RegistrationService registrations,
    AuditLog audit,
    java.time.Clock clock,
    Transactions transactions) {

  RecordingAdminPage admin(
      LecternUser actor,
      UUID sessionId,
      Map<String, String> values,
      FormErrors errors,
      FormErrors questionErrors,
      String notice,
      Ui ui) {
    return transactions.result(
        () -> {
          var m = recordings.managed(actor, sessionId);
          var p = m.programme();
          var rec = recordings.of(sessionId);
          Map<String, String> shown = values;
          if (values.isEmpty() && rec.isPresent()) {
            shown =
                Map.of(
                    "url", rec.get().url(),
                    "from", local(rec.get().availableFrom(), p.timeZone()),
                    "until", local(rec.get().availableUntil(), p.timeZone()),
                    "access", rec.get().access().name());
          }
          List<RecordingAdminPage.Shared> shared = new ArrayList<>();
          recordings
              .sharedLinks(sessionId)
              .forEach(
                  (reg, devices) ->
                      registrations
                          .find(reg)
                          .ifPresent(
                              r ->
                                  shared.add(
                                      new RecordingAdminPage.Shared(
                                          r.details().fullName(), devices))));
          if (!shared.isEmpty()) {
            audit.record(
                new AuditLog.Record(
                    actor.id(),
                    actor.fullName(),
                    "learning.recordingLinksListed",
                    p.organisationId(),
                    "session",
                    sessionId.toString(),
                    shared.size(),
                    null));
          }
          return new RecordingAdminPage(
              p.id(),
              sessionId,
              p.title(ui.lang()),
              m.session().title().in(ui.lang(), p.languages()),
              ui.zoneLabel(p.timeZone(), clock.instant()),
              p.languages(),
              rec.isPresent(),
              recordings.frozen(sessionId),
              LearningPages.rows(recordings.questions(m), p.languages(), ui),
              shared,
              shown,
              errors,
              questionErrors,
              notice == null ? null : ui.t(notice));
        });
  }

  RecordingPage delegate(
      Recordings.Viewer v, String action, Map<String, String> chosen, FormErrors errors, Ui ui) {
    var p = v.programme();
    var title = p.title().show(ui.lang(), p.languages());
    var rec = recordings.of(v.session().id());
    Instant now = clock.instant();
    String refusal = recordings.refusal(v, rec, now);
    String window = null;
    if (rec.isPresent()) {
      ZoneId viewer = ui.zoneOr(p.timeZone());
      Instant until = rec.get().availableUntil();
      window =
          ui.t(
              "learning.recording.until",
              ui.time().dateTime(until, viewer) + " (" + ui.zoneLabel(viewer, until) + ")");
    }
    var attempt = recordings.attempt(v);
    List<TestPage.QuestionView> questions = new ArrayList<>();
    for (Question q : recordings.questions(new Recordings.Managed(p, v.session()))) {
      String picked = chosen.getOrDefault("q." + q.id(), "");
      Set<Integer> set = new java.util.HashSet<>();
      for (String x : picked.split(",")) {
        if (x.strip().matches("\\d{1,2}")) {
          set.add(Integer.parseInt(x.strip()));
        }
      }
      questions.add(KnowledgeTests.view(q, p, ui, set, false, null));
    }
    return new RecordingPage(
        title.text(),
        title.lang(),
        v.session().title().in(ui.lang(), p.languages()),
        refusal == null ? null : ui.t(refusal),
        refusal == null ? rec.map(Recording::url).orElse(null) : null,
        window,
        action,
        questions,
        attempt
            .map(
                a ->
                    new RecordingPage.Result(
                        a.score(), a.max(), a.passed(), Recordings.PASS_PERCENT))
            .orElse(null),
        errors);
  }

  private static String local(Instant at, ZoneId zone) {
    return LocalDateTime.ofInstant(at, zone).withSecond(0).withNano(0).toString();
  }
}
