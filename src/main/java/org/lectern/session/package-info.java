/** Sessions of a programme: time, place, provider and speakers. */
@org.springframework.modulith.ApplicationModule(
    allowedDependencies = {
      "audit",
      "identity",
      "programme",
      "shared",
      "speaker",
    })
package org.lectern.session;
