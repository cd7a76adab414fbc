package org.lectern.live;

import org.lectern.identity.LecternUser;
import org.lectern.programme.Programme;
import org.lectern.session.Session;
import org.lectern.shared.error.ForbiddenException;

/**
 * Who is looking at a room: a participant (with a pass, or staff), a moderator (organiser or
 * speaker of the programme), or someone who may still join (a signed-in confirmed delegate).
 */
record Viewer(
    Session session,
    Programme programme,
    Participant participant,
    boolean moderator,
    LecternUser user,
    boolean mayJoin) {

  boolean inRoom() {
    return participant != null && !participant.removed();
  }

  Participant requireParticipant() {
    if (!inRoom()) {
      throw new ForbiddenException("live.notAllowed");
    }
    return participant;
  }

  void requireModerator() {
    if (!moderator) {
      throw new ForbiddenException("live.notModerator");
    }
  }
}
