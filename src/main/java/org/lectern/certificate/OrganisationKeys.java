package org.lectern.certificate;

import org.lectern.organisation.OrganisationCreated;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Makes a new organisation's certificate signing key as soon as it is set up, in the name chosen to
 * sign its certificates, so the first issue does not wait for key generation.
 */
@Component
class OrganisationKeys {

  private final SigningKeyStore keys;

  OrganisationKeys(SigningKeyStore keys) {
    this.keys = keys;
  }

  @ApplicationModuleListener
  void on(OrganisationCreated e) {
    keys.keyOf(e.organisationId(), e.signerName());
  }
}
