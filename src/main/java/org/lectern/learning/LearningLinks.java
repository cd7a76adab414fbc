package org.lectern.learning;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.lectern.delegate.TrainingLinks;
import org.lectern.registration.RegistrationService;
import org.lectern.session.SessionService;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

/**
 * A delegate's personal links to the knowledge tests that are open now, for "My trainings" and
 * e-mails. The link carries the registration's access token, so it works without signing in.
 */
@Service
public record LearningLinks(
    QuestionBankRepository bank,
    AttemptRepository attempts,
    SessionService sessions,
    RegistrationService registrations,
    Surveys surveys,
    FollowUps followUps,
    Recordings recordings,
    Materials materials,
    Clock clock,
    @Value("${lectern.base-url}") String baseUrl)
    implements TrainingLinks {

  /** The tests open now (or answered) for a confirmed registration. */
  @Override
  public List<TrainingLink> forRegistration(UUID registrationId, UUID programmeId, String lang) {
    List<TrainingLink> out = new ArrayList<>();
    var r = registrations.find(registrationId).orElse(null);
    if (r != null) {
      for (var t : surveys.targets(programmeId)) {
        if (surveys.openFor(r, t)) {
          String base = path(registrationId, TestKind.PRE).replaceAll("/pre$", "/feedback");
          out.add(
              t.isFinal()
                  ? new TrainingLink("feedback", base, false, null)
                  : new TrainingLink(
                      "feedbackSession",
                      base + "/" + t.session().id(),
                      false,
                      t.session().title().in(lang, List.of())));
        }
      }
    }
    if (r != null) {
      var titles = new java.util.LinkedHashMap<UUID, String>();
      sessions
          .publishedOfProgramme(programmeId)
          .forEach(s -> titles.put(s.id(), s.title().in(lang, List.of())));
      var withRecording = new java.util.HashSet<UUID>();
      for (var rec : recordings.availableTo(r)) {
        if (titles.containsKey(rec.sessionId())) {
          withRecording.add(rec.sessionId());
          boolean passed = recordings.passed(r.id(), rec.sessionId());
          out.add(
              new TrainingLink(
                  passed ? "recordingPassed" : "recording",
                  recordings.linkFor(r.id(), rec.sessionId()),
                  false,
                  titles.get(rec.sessionId())));
        }
      }
      // Materials of a session without a recording: the same personal page lists them.
      for (var s : titles.entrySet()) {
        if (!withRecording.contains(s.getKey())
            && !materials.visibleTo(r.id(), s.getKey()).isEmpty()) {
          out.add(
              new TrainingLink(
                  "materials", recordings.linkFor(r.id(), s.getKey()), false, s.getValue()));
        }
      }
    }
    if (r != null && followUps.openFor(r)) {
      out.add(
          new TrainingLink(
              "followUp",
              path(registrationId, TestKind.PRE).replaceAll("/pre$", "/follow-up"),
              false,
              null));
    }
    var settings = bank.settings(programmeId);
    if (settings.isEmpty() || !settings.get().opened()) {
      return out;
    }
    var programmeSessions = sessions.ofProgramme(programmeId);
    for (TestKind k : TestKind.values()) {
      boolean answered = attempts.find(programmeId, registrationId, k).isPresent();
      if (answered || TestWindow.of(k, settings.get(), programmeSessions, clock.instant()).open()) {
        out.add(new TrainingLink(k.slug(), path(registrationId, k), answered, null));
      }
    }
    return out;
  }

  /** The absolute personal link to a test, for e-mails. */
  public String absolute(UUID registrationId, TestKind kind) {
    return baseUrl + path(registrationId, kind);
  }

  private String path(UUID registrationId, TestKind kind) {
    return "/learning/"
        + registrationId
        + "/"
        + registrations.accessToken(registrationId)
        + "/"
        + kind.slug();
  }
}
