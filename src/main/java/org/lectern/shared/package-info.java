/** Cross-cutting building blocks every feature may use: database, web, languages, time. */
@org.springframework.modulith.ApplicationModule(
    type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package org.lectern.shared;
