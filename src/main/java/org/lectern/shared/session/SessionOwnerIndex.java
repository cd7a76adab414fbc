package org.lectern.shared.session;

import java.util.Map;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.IndexResolver;
import org.springframework.session.Session;

/**
 * Indexes a session by its owner's opaque name (see {@link SessionOwner}) instead of Spring's
 * default, the principal's user name, which for the back office is an e-mail address and would sit
 * in clear in the session table. The back-office context wins over a delegate context kept in the
 * same browser.
 */
final class SessionOwnerIndex implements IndexResolver<Session> {

  static final String BACK_OFFICE_CONTEXT = "SPRING_SECURITY_CONTEXT";

  @Override
  public Map<String, String> resolveIndexesFor(Session session) {
    String owner = owner(session.getAttribute(BACK_OFFICE_CONTEXT));
    if (owner == null) {
      for (String name : session.getAttributeNames()) {
        owner = owner(session.getAttribute(name));
        if (owner != null) {
          break;
        }
      }
    }
    return owner == null
        ? Map.of()
        : Map.of(FindByIndexNameSessionRepository.PRINCIPAL_NAME_INDEX_NAME, owner);
  }

  private static String owner(Object attribute) {
    if (attribute instanceof SecurityContext context
        && context.getAuthentication() != null
        && context.getAuthentication().getPrincipal() instanceof SessionOwner owner) {
      return owner.sessionOwner();
    }
    return null;
  }
}
