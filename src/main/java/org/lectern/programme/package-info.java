/** Programmes: the series of sessions, their partners, members and publication. */
@org.springframework.modulith.ApplicationModule(
    allowedDependencies = {
      "audit",
      "identity",
      "organisation",
      "shared",
    })
package org.lectern.programme;
