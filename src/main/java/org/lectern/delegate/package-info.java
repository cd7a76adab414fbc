/**
 * The delegate's own pages, signed in with a one-time link (identity): "My trainings" with their
 * registrations, sessions, check-in code and calendar feed, their data download and erasure, and
 * the page that stops a programme's announcements.
 */
@org.springframework.modulith.ApplicationModule(
    allowedDependencies = {
      "attendance :: checkin",
      "attendance :: join",
      "audit",
      "identity",
      "notification", // its API: the erasure link mail, the mails sent to them; it implements
      // notification's AnnouncementOptOuts (the unsubscribe page and its table)
      "programme",
      "reference", // region names on the delegate's data page
      "registration",
      "retention",
      "session",
      "shared",
    })
package org.lectern.delegate;
