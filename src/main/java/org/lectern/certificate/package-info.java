/** Certificates: eligibility, issuing, signed PDFs and public verification. */
@org.springframework.modulith.ApplicationModule(
    allowedDependencies = {
      "attendance",
      "audit",
      "identity",
      "notification", // its API: sends the certificate mail
      "organisation",
      "programme",
      "registration",
      "session",
      "shared",
      "speaker",
    })
package org.lectern.certificate;
