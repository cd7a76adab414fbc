/** Accounts, organisation roles, sign-in (passwords, passkeys, second factor, API tokens). */
@org.springframework.modulith.ApplicationModule(
    allowedDependencies = {
      "audit", "shared",
    })
package org.lectern.identity;
