/**
 * The delegate's own pages, signed in with a one-time link (identity): "My trainings" with their
 * registrations, sessions, check-in code and calendar feed, their data download and erasure.
 */
@org.springframework.modulith.ApplicationModule(
    allowedDependencies = {
      "attendance :: checkin",
      "attendance :: join",
      "audit",
      "identity",
      "notification", // its API: the calendar file, the erasure link mail, the mails sent to them
      "programme",
      "registration",
      "retention",
      "session",
      "shared",
    })
package org.lectern.delegate;
