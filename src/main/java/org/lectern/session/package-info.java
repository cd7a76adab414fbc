/** Sessions of a programme: time, place, provider and speakers. */
@org.springframework.modulith.ApplicationModule(
    allowedDependencies = {
      "identity",
      "programme",
      "shared",
      "speaker",
    })
package org.lectern.session;
