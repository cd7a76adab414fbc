package org.lectern.session;

import java.time.Instant;
import java.util.List;
import org.lectern.identity.LecternUser;
import org.lectern.programme.Programme;
import org.lectern.programme.ProgrammeAttention;
import org.springframework.stereotype.Component;

/**
 * For the programme's overview: sessions still in draft. Visitors see neither them nor, when no
 * session is published, the registration button — a programme published with draft sessions looked
 * empty to everyone but its organisers, and nothing on the overview said why.
 */
@Component
record SessionAttention(SessionRepository sessions) implements ProgrammeAttention {

  @Override
  public List<Item> attention(LecternUser viewer, Programme p, Instant now) {
    int drafts = (int) sessions.ofProgramme(p.id()).stream().filter(s -> !s.isPublished()).count();
    return List.of(
        new Item(
            5, "session.attention.drafts", drafts, "/admin/programmes/" + p.id() + "/sessions"));
  }
}
