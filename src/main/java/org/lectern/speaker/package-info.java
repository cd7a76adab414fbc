/** Speakers and their public profiles. */
@org.springframework.modulith.ApplicationModule(
    allowedDependencies = {
      "audit",
      "identity",
      "shared",
    })
package org.lectern.speaker;
