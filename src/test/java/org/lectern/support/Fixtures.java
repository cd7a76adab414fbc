package org.lectern.support;

import java.util.UUID;
import org.lectern.identity.LecternUser;
import org.lectern.identity.UserService;
import org.lectern.organisation.Organisation;
import org.lectern.organisation.OrganisationService;
import org.lectern.shared.i18n.LocalizedText;
import org.springframework.stereotype.Component;

/** Creates organisations and organisers for tests through the real services. */
@Component
public class Fixtures {

  public static final String PASSWORD = "correct horse battery";

  private final OrganisationService organisations;
  private final UserService users;

  Fixtures(OrganisationService organisations, UserService users) {
    this.organisations = organisations;
    this.users = users;
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
}
