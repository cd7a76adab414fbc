package org.lectern.delegate;

import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.lectern.audit.AuditLog;
import org.lectern.identity.DelegateAccounts;
import org.lectern.identity.DelegateAddress;
import org.lectern.identity.DelegatePrincipal;
import org.lectern.notification.ErasureMail;
import org.lectern.registration.OwnRegistration;
import org.lectern.registration.OwnRegistrations;
import org.lectern.retention.Erasure;
import org.lectern.shared.crypto.Sha256;
import org.lectern.shared.database.Transactions;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * A delegate's request to erase everything Lectern holds about them, confirmed by a link sent to
 * their address (whoever holds a signed-in session on a shared computer cannot erase alone). The
 * link opens a page with a button; only that POST erases. Audited as "an erasure happened" with the
 * number of registrations, never whose.
 */
@Service
record DelegateErasure(
    JdbcClient jdbc,
    DelegateAccounts directory,
    OwnRegistrations registrations,
    Erasure erasure,
    ErasureMail mail,
    AuditLog audit,
    Clock clock,
    Transactions transactions) {

  static final Duration VALIDITY = Duration.ofHours(24);
  private static final SecureRandom RANDOM = new SecureRandom();

  /** Sends the confirmation link to the signed-in delegate's address. */
  void request(DelegatePrincipal delegate) {
    transactions.run(
        () -> {
          DelegateAddress to = directory.find(delegate.emailIndex()).orElseThrow();
          byte[] raw = new byte[32];
          RANDOM.nextBytes(raw);
          String token = Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
          Instant now = clock.instant();
          jdbc.sql("delete from delegate_erasure_request where expires_at < :now")
              .param("now", Timestamp.from(now))
              .update();
          jdbc.sql(
                  """
            insert into delegate_erasure_request (token_hash, email_index, created_at, expires_at)
            values (:h, :i, :now, :exp)
            """)
              .param("h", Sha256.hex(token))
              .param("i", to.emailIndex())
              .param("now", Timestamp.from(now))
              .param("exp", Timestamp.from(now.plus(VALIDITY)))
              .update();
          mail.send(to.email(), to.language(), token, VALIDITY);
          audit.record(
              new AuditLog.Record(
                  null,
                  "delegate",
                  "delegate.erasureRequested",
                  null,
                  "delegate",
                  null,
                  null,
                  null));
        });
  }

  /** Whether the link is (still) valid, for the confirmation page. */
  boolean valid(String token) {
    return token != null
        && token.length() < 100
        && jdbc.sql(
                    "select count(*) from delegate_erasure_request"
                        + " where token_hash = :h and expires_at > :now")
                .param("h", Sha256.hex(token))
                .param("now", Timestamp.from(clock.instant()))
                .query(Integer.class)
                .single()
            == 1;
  }

  /** Erases, once; empty when the link is unknown, used or expired. */
  Optional<Integer> confirm(String token) {
    return transactions.result(
        () -> {
          if (token == null || token.length() >= 100) {
            return Optional.empty();
          }
          Optional<String> index =
              jdbc.sql(
                      "delete from delegate_erasure_request where token_hash = :h and expires_at > :now"
                          + " returning email_index")
                  .param("h", Sha256.hex(token))
                  .param("now", Timestamp.from(clock.instant()))
                  .query(String.class)
                  .optional();
          if (index.isEmpty()) {
            return Optional.empty();
          }
          Optional<DelegateAddress> address = directory.find(index.get());
          List<UUID> ids =
              address.map(a -> registrations.forDelegate(a.email())).orElse(List.of()).stream()
                  .map(OwnRegistration::registrationId)
                  .toList();
          erasure.eraseRegistrations(ids);
          jdbc.sql("delete from delegate_erasure_request where email_index = :i")
              .param("i", index.get())
              .update();
          directory.forget(index.get());
          audit.record(
              new AuditLog.Record(
                  null, "delegate", "delegate.erased", null, "delegate", null, ids.size(), null));
          return Optional.of(ids.size());
        });
  }
}
