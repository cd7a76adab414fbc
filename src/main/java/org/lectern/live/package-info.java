/** The live room: questions, polls, chat, tables and presence. */
@org.springframework.modulith.ApplicationModule(
    allowedDependencies = {
      "attendance",
      "attendance :: join",
      "audit",
      "identity",
      "programme",
      "registration",
      "session",
      "shared",
      "speaker",
    })
package org.lectern.live;
