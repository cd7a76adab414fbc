package org.lectern.identity;

import java.util.Optional;

/**
 * Who may ask for a delegate sign-in link without having been written to yet: a person with a
 * registration. Provided by the module that knows registrations, so that identity needs none.
 */
public interface KnownDelegates {

  /** The language of the newest registration made with this address, empty if there is none. */
  Optional<String> registrationLanguage(String email);
}
