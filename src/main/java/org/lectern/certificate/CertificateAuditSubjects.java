package org.lectern.certificate;

import java.util.Optional;
import java.util.UUID;
import org.lectern.audit.AuditSubjects;
import org.springframework.stereotype.Component;

/** The programme of an audited certificate, for the audit log. */
@Component
class CertificateAuditSubjects implements AuditSubjects {

  private final CertificateRepository repository;

  CertificateAuditSubjects(CertificateRepository repository) {
    this.repository = repository;
  }

  @Override
  public String subjectType() {
    return "certificate";
  }

  @Override
  public Optional<UUID> programmeOf(String subjectId) {
    return repository.programmeOfCode(subjectId);
  }
}
