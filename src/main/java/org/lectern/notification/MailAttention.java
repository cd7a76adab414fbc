package org.lectern.notification;

import java.time.Instant;
import java.util.List;
import org.lectern.identity.LecternUser;
import org.lectern.programme.Programme;
import org.lectern.programme.ProgrammeAttention;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * For the programme's overview: e-mail about the programme that could not be sent, came back or is
 * held because its address does not receive mail; the link leads to the delivery page. Counted on
 * the list of problems ({@code mail_outbox_problem}), not among all of the programme's mails.
 */
@Component
record MailAttention(JdbcClient jdbc) implements ProgrammeAttention {

  @Override
  public List<Item> attention(LecternUser viewer, Programme p, Instant now) {
    int problems =
        jdbc.sql(
                """
                select count(*) from mail_outbox_problem where programme_id = :p
                """)
            .param("p", p.id())
            .query(Integer.class)
            .single();
    return List.of(
        new Item(
            30,
            "notification.attention.mailProblems",
            problems,
            "/admin/programmes/" + p.id() + "/delivery"));
  }
}
