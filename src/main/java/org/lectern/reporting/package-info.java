/** Reports and funder snapshots. Only reads the features, through their APIs and views. */
@org.springframework.modulith.ApplicationModule(
    allowedDependencies = {
      "attendance",
      "audit",
      "certificate",
      "identity",
      "learning",
      "organisation",
      "programme",
      "reference",
      "registration",
      "session",
      "shared",
    })
package org.lectern.reporting;
