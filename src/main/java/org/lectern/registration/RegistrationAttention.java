package org.lectern.registration;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.lectern.identity.LecternUser;
import org.lectern.programme.Programme;
import org.lectern.programme.ProgrammeAttention;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** For the programme's overview: registrations waiting for approval, and the waitlist. */
@Component
record RegistrationAttention(JdbcClient jdbc) implements ProgrammeAttention {

  @Override
  public List<Item> attention(LecternUser viewer, Programme p, Instant now) {
    var counts =
        jdbc.sql(
                """
                select count(*) filter (where status = 'PENDING') as pending,
                       count(*) filter (where status = 'WAITLISTED') as waiting
                from registration where programme_id = :p
                """)
            .param("p", p.id())
            .query((rs, i) -> new int[] {rs.getInt("pending"), rs.getInt("waiting")})
            .single();
    String base = "/admin/programmes/" + p.id() + "/registrations?status=";
    List<Item> items = new ArrayList<>();
    items.add(new Item(10, "registration.attention.pending", counts[0], base + "PENDING"));
    items.add(new Item(20, "registration.attention.waitlist", counts[1], base + "WAITLISTED"));
    return items;
  }
}
