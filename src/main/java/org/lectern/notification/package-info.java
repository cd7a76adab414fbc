/** Mail: the outbox and everything sent to people. Listens to the features; none calls it. */
@org.springframework.modulith.ApplicationModule(
    allowedDependencies = {
      "attendance",
      "attendance :: checkin",
      "attendance :: join",
      "audit",
      "identity",
      "organisation",
      "programme",
      "registration",
      "retention",
      "session",
      "shared",
    })
package org.lectern.notification;
