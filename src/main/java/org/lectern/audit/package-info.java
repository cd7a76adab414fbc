/** The tamper-evident audit log: every module records what was done, by whom, to what. */
@org.springframework.modulith.ApplicationModule(
    allowedDependencies = {
      "shared",
    })
package org.lectern.audit;
