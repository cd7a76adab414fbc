package org.lectern.session;

import java.util.Optional;
import java.util.UUID;
import org.lectern.audit.AuditSubjects;
import org.springframework.stereotype.Component;

/** The programme of an audited session, for the audit log. */
@Component
class SessionAuditSubjects implements AuditSubjects {

  private final SessionRepository repository;

  SessionAuditSubjects(SessionRepository repository) {
    this.repository = repository;
  }

  @Override
  public String subjectType() {
    return "session";
  }

  @Override
  public Optional<UUID> programmeOf(String subjectId) {
    return AuditSubjects.uuid(subjectId).flatMap(repository::programmeOf);
  }
}
