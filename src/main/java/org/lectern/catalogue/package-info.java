/** The public catalogue: programmes, sessions, speakers and calendars, read-only. */
@org.springframework.modulith.ApplicationModule(
    allowedDependencies = {
      "learning",
      "identity",
      "news",
      "organisation",
      "programme",
      "reference",
      "registration",
      "session",
      "shared",
      "speaker",
    })
package org.lectern.catalogue;
