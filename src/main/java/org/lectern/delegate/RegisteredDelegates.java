package org.lectern.delegate;

import java.util.Optional;
import org.lectern.identity.KnownDelegates;
import org.lectern.registration.OwnRegistration;
import org.lectern.registration.OwnRegistrations;
import org.springframework.stereotype.Component;

/** Identity's question "may this address ask for a sign-in link?", answered by registrations. */
@Component
record RegisteredDelegates(OwnRegistrations registrations) implements KnownDelegates {

  @Override
  public Optional<String> registrationLanguage(String email) {
    return registrations.forDelegate(email).stream().findFirst().map(OwnRegistration::language);
  }
}
