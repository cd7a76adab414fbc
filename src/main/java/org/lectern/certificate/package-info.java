/** Certificates: eligibility, issuing, signed PDFs and public verification. */
@org.springframework.modulith.ApplicationModule(
    allowedDependencies = {
      "attendance",
      "audit",
      "identity",
      "notification", // interim (issue 17): CertificateMail, DelegatePrincipal
      "organisation",
      "programme",
      "registration",
      "session",
      "shared",
      "speaker",
    })
package org.lectern.certificate;
