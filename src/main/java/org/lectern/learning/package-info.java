/** Learning: knowledge tests, feedback surveys, follow-up and recordings. */
@org.springframework.modulith.ApplicationModule(
    allowedDependencies = {
      "speaker",
      "attendance",
      "audit",
      "identity",
      "delegate", // implements its TrainingLinks (the links on My trainings)
      "notification", // its API: sends the follow-up mail
      "programme",
      "reference",
      "registration",
      "session",
      "shared",
    })
package org.lectern.learning;
