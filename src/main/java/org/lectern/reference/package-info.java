/** Reference texts every programme can cite (the ICCPR articles). */
@org.springframework.modulith.ApplicationModule(
    allowedDependencies = {
      "shared",
    })
package org.lectern.reference;
