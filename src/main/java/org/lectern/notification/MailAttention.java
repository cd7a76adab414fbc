package org.lectern.notification;

import java.time.Instant;
import java.util.List;
import org.lectern.identity.LecternUser;
import org.lectern.programme.Programme;
import org.lectern.programme.ProgrammeAttention;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * For the programme's overview: e-mail about the programme (its registrations, sessions or itself)
 * that could not be sent. The outbox itself is for platform administrators only, so only they get
 * the link.
 */
@Component
class MailAttention implements ProgrammeAttention {

  private final JdbcClient jdbc;

  MailAttention(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public List<Item> attention(LecternUser viewer, Programme p, Instant now) {
    int failed =
        jdbc.sql(
                """
                select count(*) from mail_outbox m
                where m.status = 'FAILED'
                  and (m.related_id = :p
                       or m.related_id in (select id from registration where programme_id = :p)
                       or m.related_id in (select id from session where programme_id = :p))
                """)
            .param("p", p.id())
            .query(Integer.class)
            .single();
    String href = viewer != null && viewer.platformAdmin() ? "/admin/outbox" : null;
    return List.of(new Item(30, "notification.attention.mailFailed", failed, href));
  }
}
