/** Demo data loaded on an empty installation, through every module's own API. */
@org.springframework.modulith.ApplicationModule(
    allowedDependencies = {
      "learning",
      "attendance",
      "attendance :: importing",
      "certificate",
      "identity",
      "news",
      "organisation",
      "programme",
      "registration",
      "reporting", // exception: the demo publishes a funder report, through reporting's API, like
      // an organiser would
      "session",
      "shared",
      "speaker",
    })
package org.lectern.demo;
