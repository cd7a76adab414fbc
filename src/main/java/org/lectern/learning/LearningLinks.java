package org.lectern.learning;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.lectern.registration.RegistrationService;
import org.lectern.session.SessionService;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

/**
 * A delegate's personal links to the knowledge tests that are open now, for "My trainings" and
 * e-mails. The link carries the registration's access token, so it works without signing in.
 */
@Service
public class LearningLinks {

  private final QuestionBankRepository bank;
  private final AttemptRepository attempts;
  private final SessionService sessions;
  private final RegistrationService registrations;
  private final Clock clock;
  private final String baseUrl;

  LearningLinks(
      QuestionBankRepository bank,
      AttemptRepository attempts,
      SessionService sessions,
      RegistrationService registrations,
      Clock clock,
      @Value("${lectern.base-url}") String baseUrl) {
    this.bank = bank;
    this.attempts = attempts;
    this.sessions = sessions;
    this.registrations = registrations;
    this.clock = clock;
    this.baseUrl = baseUrl;
  }

  /**
   * One link: the test's kind ({@code pre} or {@code post}), its path, and whether this delegate
   * has answered it already (the link then shows the result).
   */
  public record Link(String kind, String path, boolean answered) {

    public String messageKey() {
      return "learning.link." + kind;
    }
  }

  /** The tests open now (or answered) for a confirmed registration. */
  public List<Link> forRegistration(UUID registrationId, UUID programmeId) {
    var settings = bank.settings(programmeId);
    if (settings.isEmpty() || !settings.get().opened()) {
      return List.of();
    }
    var programmeSessions = sessions.ofProgramme(programmeId);
    List<Link> out = new ArrayList<>();
    for (TestKind k : TestKind.values()) {
      boolean answered = attempts.find(programmeId, registrationId, k).isPresent();
      if (answered || TestWindow.of(k, settings.get(), programmeSessions, clock.instant()).open()) {
        out.add(new Link(k.slug(), path(registrationId, k), answered));
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
