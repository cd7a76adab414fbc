package org.lectern.organisation;

import java.util.UUID;

/** An organisation was set up; its certificate signing key is made for {@code signerName}. */
public record OrganisationCreated(UUID organisationId, String signerName) {}
