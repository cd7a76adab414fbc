/** Organisations: their settings, logo and members' administration. */
@org.springframework.modulith.ApplicationModule(
    allowedDependencies = {
      "audit",
      "identity",
      "reference",
      "shared",
    })
package org.lectern.organisation;
