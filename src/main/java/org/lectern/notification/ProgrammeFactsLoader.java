package org.lectern.notification;

import java.util.Comparator;
import java.util.UUID;
import org.lectern.programme.ProgrammePrivacy;
import org.lectern.programme.ProgrammeService;
import org.lectern.session.Session;
import org.lectern.session.SessionService;
import org.lectern.shared.error.NotFoundException;
import org.springframework.stereotype.Component;

/** Loads a programme with its published sessions and privacy setting, for composing mails. */
@Component
record ProgrammeFactsLoader(
    ProgrammeService programmes,
    SessionService sessions,
    ProgrammePrivacy privacy,
    SenderNames senders) {

  ProgrammeFacts load(UUID programmeId) {
    var programme =
        programmes.find(programmeId).orElseThrow(() -> new NotFoundException("programme.notFound"));
    var published =
        sessions.publishedOfProgramme(programmeId).stream()
            .sorted(Comparator.comparing(Session::startsAt))
            .toList();
    boolean neutral = privacy.neutralWording(programmeId);
    return new ProgrammeFacts(
        programme, published, neutral, neutral ? null : senders.of(programme));
  }
}
