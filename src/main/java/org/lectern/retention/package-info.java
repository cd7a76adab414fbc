/** Retention periods, anonymisation and purge requests. */
@org.springframework.modulith.ApplicationModule(
    allowedDependencies = {
      "audit",
      "identity",
      "organisation",
      "programme",
      "registration",
      "session",
      "shared",
    })
package org.lectern.retention;
