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
      "reporting", // interim, issue 17: SqlLearningFigures implements reporting.LearningFigures
      "session",
      "shared",
    })
package org.lectern.learning;
