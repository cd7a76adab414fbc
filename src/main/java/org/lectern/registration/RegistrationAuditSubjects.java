package org.lectern.registration;

import java.util.Optional;
import java.util.UUID;
import org.lectern.audit.AuditSubjects;
import org.springframework.stereotype.Component;

/** The programme of an audited registration, for the audit log. */
@Component
class RegistrationAuditSubjects implements AuditSubjects {

  private final RegistrationFactsRepository repository;

  RegistrationAuditSubjects(RegistrationFactsRepository repository) {
    this.repository = repository;
  }

  @Override
  public String subjectType() {
    return "registration";
  }

  @Override
  public Optional<UUID> programmeOf(String subjectId) {
    return AuditSubjects.uuid(subjectId).flatMap(repository::programmeOf);
  }
}
