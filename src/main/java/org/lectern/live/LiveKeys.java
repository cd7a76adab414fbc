package org.lectern.live;

import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.lectern.session.SessionService;
import org.lectern.shared.crypto.PersonalDataCipher;
import org.lectern.shared.crypto.ProgrammeCipher;
import org.lectern.shared.error.NotFoundException;
import org.springframework.stereotype.Component;

/**
 * The programme cipher of a live room (ADR 0022): names, questions, chat and events are encrypted
 * under the programme's data key so a purge destroys them in every copy. A session never changes
 * programme, so the session's programme is remembered.
 */
@Component
class LiveKeys {

  private final SessionService sessions;
  private final PersonalDataCipher cipher;
  private final Map<UUID, UUID> programmeOfSession = new ConcurrentHashMap<>();

  LiveKeys(SessionService sessions, PersonalDataCipher cipher) {
    this.sessions = sessions;
    this.cipher = cipher;
  }

  ProgrammeCipher of(UUID sessionId) {
    UUID programmeId =
        programmeOfSession.computeIfAbsent(
            sessionId,
            s ->
                sessions
                    .programmeOf(s)
                    .orElseThrow(() -> new NotFoundException("session.notFound")));
    return cipher.forProgramme(programmeId);
  }
}
