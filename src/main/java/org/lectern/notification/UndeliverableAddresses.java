package org.lectern.notification;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.lectern.shared.crypto.PersonalDataCipher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Addresses mail cannot reach, per organisation. Only a keyed hash of each address is stored (the
 * organisation's blind index), so the table itself names nobody.
 */
@Repository
class UndeliverableAddresses {

  private final JdbcClient jdbc;
  private final PersonalDataCipher cipher;

  UndeliverableAddresses(JdbcClient jdbc, PersonalDataCipher cipher) {
    this.jdbc = jdbc;
    this.cipher = cipher;
  }

  String index(UUID organisation, String address) {
    return cipher.emailIndex(address, organisation);
  }

  /** Records (or refreshes) the mark; the first reason's date is kept. */
  void mark(
      UUID organisation,
      String address,
      Undeliverable.Reason reason,
      int code,
      String detail,
      Instant now) {
    jdbc.sql(
            """
            insert into mail_undeliverable
              (organisation_id, address_index, reason, smtp_code, detail, first_at, last_at)
            values (:org, :idx, :reason, :code, :detail, :now, :now)
            on conflict (organisation_id, address_index) do update
              set reason = excluded.reason, smtp_code = excluded.smtp_code,
                  detail = excluded.detail, last_at = excluded.last_at
            """)
        .param("org", organisation)
        .param("idx", index(organisation, address))
        .param("reason", reason.name())
        .param("code", code)
        .param("detail", detail)
        .param("now", Timestamp.from(now))
        .update();
  }

  Optional<Undeliverable> find(UUID organisation, String address) {
    if (organisation == null || address == null) {
      return Optional.empty();
    }
    return jdbc.sql(
            """
            select reason, smtp_code, detail, first_at from mail_undeliverable
            where organisation_id = :org and address_index = :idx
            """)
        .param("org", organisation)
        .param("idx", index(organisation, address))
        .query(
            (rs, i) ->
                new Undeliverable(
                    Undeliverable.Reason.valueOf(rs.getString(1)),
                    rs.getInt(2),
                    rs.getString(3),
                    rs.getTimestamp(4).toInstant()))
        .optional();
  }

  /** The marks among these addresses, by address as given. */
  Map<String, Undeliverable> among(UUID organisation, Collection<String> addresses) {
    Map<String, String> byIndex = new HashMap<>();
    for (String a : addresses) {
      if (a != null && !a.isBlank()) {
        byIndex.put(index(organisation, a), a);
      }
    }
    Map<String, Undeliverable> found = new HashMap<>();
    if (byIndex.isEmpty()) {
      return found;
    }
    jdbc.sql(
            """
            select address_index, reason, smtp_code, detail, first_at from mail_undeliverable
            where organisation_id = :org and address_index = any(cast(:idx as text[]))
            """)
        .param("org", organisation)
        .param("idx", byIndex.keySet().toArray(String[]::new))
        .query(
            (rs, i) ->
                found.put(
                    byIndex.get(rs.getString(1)),
                    new Undeliverable(
                        Undeliverable.Reason.valueOf(rs.getString(2)),
                        rs.getInt(3),
                        rs.getString(4),
                        rs.getTimestamp(5).toInstant())))
        .list();
    return found;
  }

  /**
   * The messages of an outbox batch whose address is marked for their organisation: one look-up per
   * organisation in the batch, not one per message.
   */
  Set<UUID> markedAmong(List<OutboxRepository.Claimed> messages) {
    Map<UUID, Map<String, List<UUID>>> byOrganisation = new HashMap<>();
    for (OutboxRepository.Claimed m : messages) {
      if (m.organisationId() != null && m.to() != null) {
        byOrganisation
            .computeIfAbsent(m.organisationId(), o -> new HashMap<>())
            .computeIfAbsent(index(m.organisationId(), m.to()), i -> new ArrayList<>())
            .add(m.id());
      }
    }
    Set<UUID> marked = new HashSet<>();
    byOrganisation.forEach(
        (organisation, byIndex) ->
            jdbc.sql(
                    """
                    select address_index from mail_undeliverable
                    where organisation_id = :org and address_index = any(cast(:idx as text[]))
                    """)
                .param("org", organisation)
                .param("idx", byIndex.keySet().toArray(String[]::new))
                .query(String.class)
                .list()
                .forEach(i -> marked.addAll(byIndex.get(i))));
    return marked;
  }

  /** Removes the mark; true when there was one. */
  boolean clear(UUID organisation, String address) {
    return jdbc.sql(
                "delete from mail_undeliverable where organisation_id = :org and address_index = :idx")
            .param("org", organisation)
            .param("idx", index(organisation, address))
            .update()
        > 0;
  }
}
