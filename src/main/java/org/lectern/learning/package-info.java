/** Learning: knowledge tests, feedback surveys, follow-up and recordings. */
@org.springframework.modulith.ApplicationModule(
    allowedDependencies = {
      "speaker",
      "attendance",
      "audit",
      "identity",
      "notification", // interim (issue 17): follow-up mail, My trainings links
      "programme",
      "reference",
      "registration",
      "reporting", // interim, issue 17: SqlLearningFigures implements reporting.LearningFigures
      "session",
      "shared",
    })
package org.lectern.learning;
