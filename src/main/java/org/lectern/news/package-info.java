/** News and reflections posted by organisations. */
@org.springframework.modulith.ApplicationModule(
    allowedDependencies = {
      "identity",
      "organisation",
      "programme",
      "shared",
      "speaker",
    })
package org.lectern.news;
