package org.lectern.registration;

import java.util.Optional;
import java.util.UUID;
import org.lectern.audit.AuditSubjects;
import org.springframework.stereotype.Component;

/** The programme of an audited registration, for the audit log. */
@Component
record RegistrationAuditSubjects(RegistrationFactsRepository repository) implements AuditSubjects {

  @Override
  public String subjectType() {
    return "registration";
  }

  @Override
  public Optional<UUID> programmeOf(String subjectId) {
    return AuditSubjects.uuid(subjectId).flatMap(repository::programmeOf);
  }
}
