/** Registrations: the form, capacity, waitlist, approval, invitations and opt-in. */
@org.springframework.modulith.ApplicationModule(
    allowedDependencies = {
      "audit",
      "identity",
      "programme",
      "reference",
      "session",
      "shared",
    })
package org.lectern.registration;
