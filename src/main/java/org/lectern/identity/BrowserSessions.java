package org.lectern.identity;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.lectern.shared.crypto.Sha256;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.stereotype.Component;

/**
 * A person's browser sessions as the shared session store holds them (every node sees the same
 * rows): listed for "Your sessions", ended one by one, or all at once when the password changes or
 * the account is disabled. The per-request epoch check ({@link AccountStateFilter}) still ends a
 * session that escaped; deleting the rows makes the list true at once.
 */
@Component
class BrowserSessions {

  /** The coarse device (browser and system) noted at sign-in, see {@link Device}. */
  static final String DEVICE = "LECTERN_DEVICE";

  private final FindByIndexNameSessionRepository<? extends Session> store;

  BrowserSessions(FindByIndexNameSessionRepository<? extends Session> store) {
    this.store = store;
  }

  /** The person's sessions that have not expired, most recently used first. */
  List<Session> of(UUID userId) {
    return store.findByPrincipalName(LecternUser.sessionOwnerOf(userId)).values().stream()
        .filter(s -> !s.isExpired())
        .map(Session.class::cast)
        .sorted(Comparator.comparing(Session::getLastAccessedTime).reversed())
        .toList();
  }

  /**
   * How a session is named in pages and forms: a digest of its id, never the id itself (the id is
   * the cookie's secret).
   */
  static String reference(String sessionId) {
    return Sha256.hex(sessionId).substring(0, 32);
  }

  Optional<Session> find(UUID userId, String reference) {
    return of(userId).stream().filter(s -> reference(s.getId()).equals(reference)).findFirst();
  }

  void end(Session session) {
    store.deleteById(session.getId());
  }

  /** Ends every session of the person except {@code keepId} (null: all); how many ended. */
  int endAll(UUID userId, String keepId) {
    int n = 0;
    for (Session s : of(userId)) {
      if (!s.getId().equals(keepId)) {
        store.deleteById(s.getId());
        n++;
      }
    }
    return n;
  }
}
