package org.lectern.identity;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.lectern.shared.crypto.PersonalDataCipher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Requests for a delegate's sign-in link waiting for their listener: the address sealed with the
 * installation key (bound to this column), deleted when the request is taken.
 */
@Component
record DelegateSignInRequests(JdbcClient jdbc, PersonalDataCipher cipher) {

  static final String EMAIL = "delegate.signInRequest.email";

  void insert(UUID id, String email, Instant at) {
    jdbc.sql("insert into delegate_sign_in_request (id, email, created_at) values (:id, :e, :at)")
        .param("id", id)
        .param("e", cipher.encrypt(email, EMAIL))
        .param("at", Timestamp.from(at))
        .update();
  }

  /** The request's address, its row deleted; empty when it was taken already. */
  Optional<String> take(UUID id) {
    return jdbc.sql("delete from delegate_sign_in_request where id = :id returning email")
        .param("id", id)
        .query((rs, n) -> cipher.decrypt(rs.getBytes(1), EMAIL))
        .optional();
  }
}
