package org.lectern.registration;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** SQL for what other parts of the installation ask about registrations without personal data. */
@Component
record RegistrationFactsRepository(JdbcClient jdbc) {

  Optional<UUID> programmeOf(UUID registrationId) {
    return jdbc.sql("select programme_id from registration where id = :s")
        .param("s", registrationId)
        .query(UUID.class)
        .optional();
  }

  /** Registrations of all programmes by status. */
  Map<String, Double> countsByStatus() {
    Map<String, Double> out = new HashMap<>();
    jdbc.sql("select status, count(*) from registration group by status")
        .query((rs, n) -> out.put(rs.getString(1), rs.getDouble(2)))
        .list();
    return out;
  }

  /** Double opt-in requests not yet confirmed and not expired. */
  double pendingRequests() {
    return jdbc.sql(
            "select count(*) from registration_request"
                + " where confirmed_at is null and expires_at > now()")
        .query(Double.class)
        .single();
  }
}
