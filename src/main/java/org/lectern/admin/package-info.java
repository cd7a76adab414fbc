/** The back office pages of programmes, sessions, speakers and the audit log. */
@org.springframework.modulith.ApplicationModule(
    allowedDependencies = {
      "audit",
      "identity",
      "organisation",
      "programme",
      "reference",
      "session",
      "shared",
      "speaker",
    })
package org.lectern.admin;
