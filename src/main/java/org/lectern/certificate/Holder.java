package org.lectern.certificate;

import java.util.UUID;
import org.lectern.certificate.document.CertificateLanguage;

/** The person a certificate is for: name exactly as registered, licence number, language. */
record Holder(
    UUID registrationId,
    String name,
    String licenceNumber,
    String email,
    CertificateLanguage language) {}
