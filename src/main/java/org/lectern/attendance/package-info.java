/** Attendance: imports from providers, door check-in, join links and stored results. */
@org.springframework.modulith.ApplicationModule(
    allowedDependencies = {
      "audit",
      "identity",
      "programme",
      "registration",
      "session",
      "shared",
    })
package org.lectern.attendance;
