package org.lectern.support;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.lectern.identity.LecternUser;
import org.lectern.identity.UserService;
import org.lectern.organisation.Organisation;
import org.lectern.organisation.OrganisationService;
import org.lectern.programme.Programme;
import org.lectern.programme.ProgrammeInput;
import org.lectern.programme.ProgrammeService;
import org.lectern.session.Session;
import org.lectern.session.SessionInput;
import org.lectern.session.SessionService;
import org.lectern.shared.i18n.LocalizedText;
import org.springframework.stereotype.Component;

/** Creates organisations, organisers and programmes for tests through the real services. */
@Component
public class Fixtures {

  public static final String PASSWORD = "correct horse battery";

  private final OrganisationService organisations;
  private final UserService users;
  private final ProgrammeService programmes;
  private final SessionService sessions;

  Fixtures(
      OrganisationService organisations,
      UserService users,
      ProgrammeService programmes,
      SessionService sessions) {
    this.organisations = organisations;
    this.users = users;
    this.programmes = programmes;
    this.sessions = sessions;
  }

  /** An organisation with one organiser; returns the organiser. */
  public LecternUser organiser(String label) {
    String suffix = UUID.randomUUID().toString().substring(0, 8);
    Organisation org =
        organisations.create(
            label + "-" + suffix, LocalizedText.of("en", "Org " + label), "https://example.org");
    UUID id =
        users.create(label + "-" + suffix + "@example.org", "Organiser " + label, PASSWORD, false);
    users.grantOrganisationRole(org.id(), id, "ORGANISER");
    return users.find(id).orElseThrow();
  }

  public UUID organisationOf(LecternUser user) {
    return users.memberships(user.id()).get(0).organisationId();
  }

  /**
   * A draft programme of the organiser's organisation, in Asia/Almaty, with a waiting list and
   * without approval; its slug is {@code slug} and a random suffix.
   */
  public Programme programme(
      LecternUser organiser,
      String slug,
      LocalizedText title,
      List<String> languages,
      BigDecimal cpdHours,
      int capacity) {
    return programmes.create(
        organiser,
        null,
        ProgrammeInput.validate(
            new ProgrammeInput.Raw(
                slug + "-" + UUID.randomUUID().toString().substring(0, 6),
                title,
                LocalizedText.empty(),
                languages,
                "Asia/Almaty",
                cpdHours,
                capacity,
                true,
                false)));
  }

  /**
   * A published two-hour hybrid session of the programme, in {@code language}, with a place in
   * Almaty and an online link.
   */
  public Session hybridSession(
      LecternUser organiser,
      UUID programmeId,
      String language,
      String title,
      Instant start,
      int seats) {
    return sessions.create(
        organiser,
        programmeId,
        new SessionInput.Raw(
            LocalizedText.of(language, title),
            LocalizedText.empty(),
            start,
            start.plus(Duration.ofHours(2)),
            "HYBRID",
            LocalizedText.of(language, "Алматы"),
            seats,
            language,
            List.of(),
            List.of(),
            "URL",
            "https://meet.example.org/" + UUID.randomUUID()),
        List.of(),
        true);
  }
}
