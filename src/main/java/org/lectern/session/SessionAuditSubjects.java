package org.lectern.session;

import java.util.Optional;
import java.util.UUID;
import org.lectern.audit.AuditSubjects;
import org.springframework.stereotype.Component;

/** The programme of an audited session, for the audit log. */
@Component
record SessionAuditSubjects(SessionRepository repository) implements AuditSubjects {

  @Override
  public String subjectType() {
    return "session";
  }

  @Override
  public Optional<UUID> programmeOf(String subjectId) {
    return AuditSubjects.uuid(subjectId).flatMap(repository::programmeOf);
  }
}
