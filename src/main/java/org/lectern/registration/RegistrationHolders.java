package org.lectern.registration;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Finds a person's registrations within one organisation, by the organisation's e-mail blind index,
 * for an erasure carried out by an organiser. Registrations already erased are not found again.
 */
@Service
public record RegistrationHolders(JdbcClient jdbc) {

  public Optional<UUID> programmeOf(UUID registrationId) {
    return jdbc.sql("select programme_id from registration where id = :r")
        .param("r", registrationId)
        .query(UUID.class)
        .optional();
  }

  /**
   * The registration and the same address's other registrations in its organisation's programmes.
   */
  public List<UUID> sameHolder(UUID registrationId) {
    return jdbc.sql(
            """
            select r2.id from registration r
            join programme p on p.id = r.programme_id
            join programme p2 on p2.organisation_id = p.organisation_id
            join registration r2 on r2.programme_id = p2.id and r2.email_index = r.email_index
            where r.id = :r and r.email_index not like 'removed:%'
            """)
        .param("r", registrationId)
        .query(UUID.class)
        .list();
  }
}
