package org.lectern.certificate;

import java.util.Optional;
import java.util.UUID;
import org.lectern.audit.AuditSubjects;
import org.springframework.stereotype.Component;

/** The programme of an audited certificate, for the audit log. */
@Component
record CertificateAuditSubjects(CertificateRepository repository) implements AuditSubjects {

  @Override
  public String subjectType() {
    return "certificate";
  }

  @Override
  public Optional<UUID> programmeOf(String subjectId) {
    return repository.programmeOfCode(subjectId);
  }
}
