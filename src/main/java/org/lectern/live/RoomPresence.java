package org.lectern.live;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Who is still in a room: the last minute each participant had its page or stream open. Only these
 * people get seats when tables open. Kept to the minute, so it cannot date a question.
 */
@Component
record RoomPresence(
    JdbcClient jdbc, Clock clock, @Value("${lectern.tables.present-within:3m}") Duration recent) {

  void seen(Collection<UUID> participantIds) {
    if (participantIds.isEmpty()) {
      return;
    }
    Instant minute = clock.instant().truncatedTo(ChronoUnit.MINUTES);
    jdbc.sql(
            """
            update live_participant set last_seen_at = :m
            where id in (:ids) and (last_seen_at is null or last_seen_at < :m)
            """)
        .param("m", Timestamp.from(minute))
        .param("ids", participantIds)
        .update();
  }

  /** What a delegate's registration says of region and language (both coarse, for mixing). */
  void profile(UUID participantId, String region, String language) {
    jdbc.sql("update live_participant set region = :r, language = :l where id = :id")
        .param("r", region)
        .param("l", language)
        .param("id", participantId)
        .update();
  }

  /** Delegates and people in the training room who had the room open lately. */
  List<TableSeating.Guest> guests(UUID sessionId) {
    Instant since = clock.instant().minus(recent).truncatedTo(ChronoUnit.MINUTES);
    return jdbc.sql(
            """
            select id, kind, region, language from live_participant
            where session_id = :s and not removed and kind in ('DELEGATE', 'ROOM')
              and last_seen_at >= :since
            """)
        .param("s", sessionId)
        .param("since", Timestamp.from(since))
        .query(
            (rs, i) ->
                new TableSeating.Guest(
                    rs.getObject("id", UUID.class),
                    "ROOM".equals(rs.getString("kind")),
                    rs.getString("region"),
                    rs.getString("language")))
        .list();
  }
}
