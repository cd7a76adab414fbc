package org.lectern.live;

import java.util.Map;
import java.util.UUID;
import org.lectern.audit.AuditLog;
import org.lectern.shared.database.Transactions;
import org.springframework.stereotype.Service;

/** What moderators change about the room itself: settings, who is in, the join code. */
@Service
record RoomSettings(
    RoomRepository rooms, EventLog events, AuditLog audit, Transactions transactions) {

  LiveRoom room(Viewer v) {
    return rooms.ensure(v.session().id());
  }

  LiveRoom change(Viewer v, boolean premoderation, boolean chat, Anonymity anonymity) {
    return transactions.result(
        () -> {
          v.requireModerator();
          LiveRoom changed =
              rooms.lock(v.session().id()).withSettings(premoderation, chat, anonymity);
          rooms.update(changed);
          events.append(
              changed.sessionId(),
              "room.settings",
              Map.of("premoderation", premoderation, "chat", chat, "anonymity", anonymity.name()));
          return changed;
        });
  }

  /**
   * Removes a participant: their pass stops working at once and their open streams close on every
   * node. The audit names the room and the moderator, never the person removed.
   */
  void remove(Viewer v, UUID participantId) {
    transactions.run(
        () -> {
          v.requireModerator();
          rooms.lock(v.session().id());
          rooms
              .participant(v.session().id(), participantId)
              .orElseThrow(
                  () ->
                      new org.lectern.shared.error.NotFoundException("live.participant.notFound"));
          rooms.remove(v.session().id(), participantId);
          events.append(
              v.session().id(), "participant.removed", Map.of("participant", participantId));
          audit.record(
              new AuditLog.Record(
                  v.user().id(),
                  v.user().fullName(),
                  "live.participantRemoved",
                  v.programme().organisationId(),
                  "session",
                  v.session().id().toString(),
                  1,
                  null));
        });
  }

  /** A new QR code: people who have not joined yet need the new one. */
  void newJoinKey(Viewer v) {
    transactions.run(
        () -> {
          v.requireModerator();
          rooms.lock(v.session().id());
          rooms.newJoinKey(v.session().id());
        });
  }
}
