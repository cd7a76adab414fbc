package org.lectern.shared.web.api;

import java.util.Optional;
import java.util.function.Supplier;
import org.lectern.shared.crypto.PersonalDataCipher;
import org.lectern.shared.error.ConflictException;
import org.lectern.shared.error.InvalidInputException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * Honours {@code Idempotency-Key} on POSTs that create things (API.md).
 *
 * <p>The key is claimed by inserting into {@code idempotency_record} in the <em>same</em>
 * transaction as the work and its stored answer, so the three commit or roll back together:
 *
 * <ul>
 *   <li>the first request with a key runs; its answer (status, JSON body, {@code Location}) is
 *       stored with the claim;
 *   <li>a repeat with the same request gets that answer again, byte for byte, without running the
 *       work, marked {@code Idempotent-Replayed: true};
 *   <li>a repeat that arrives while the first still runs waits on the key's unique index and then
 *       gets the stored answer (or, if the first failed, runs itself);
 *   <li>the same key with another request is refused: 422, field {@code Idempotency-Key}, code
 *       {@code idempotency.mismatch} (as in draft-ietf-httpapi-idempotency-key-header);
 *   <li>a request that fails (an exception, e.g. 422 for invalid input, or an answer that is not
 *       2xx) stores nothing and leaves the key free, so a corrected retry may use it again. This
 *       follows "a failed request changes nothing" and is what Stripe does for requests that fail
 *       validation. (Stripe also stores 500s; here a crash rolls back the work too, so nothing
 *       happened and a retry is safe.)
 * </ul>
 *
 * <p>Nothing in a record helps someone who reads a database dump: the request is kept only as a
 * keyed HMAC (the key is the personal-data key, kept out of dumps), so a password in a request body
 * cannot be guessed offline from it, and the stored answer is encrypted like personal data.
 *
 * <p>Keys belong to a scope (who is asking, plus whatever the caller adds) and are kept without
 * expiry. Call {@link #run} outside any transaction: the claim must be the transaction's first
 * statement, so a waiting duplicate holds no other locks; PostgreSQL's default READ COMMITTED is
 * assumed (under REPEATABLE READ the waiting insert would fail instead of replaying).
 */
@Component
public class Idempotency {

  public static final String HEADER = "Idempotency-Key";
  static final String REPLAYED = "Idempotent-Replayed";
  private static final int MAX_KEY = 200;
  private static final String BODY = "idempotency.body";

  private final JdbcClient jdbc;
  private final TransactionTemplate tx;
  private final JsonMapper json;
  private final PersonalDataCipher cipher;

  Idempotency(
      JdbcClient jdbc,
      PlatformTransactionManager transactions,
      JsonMapper json,
      PersonalDataCipher cipher) {
    this.jdbc = jdbc;
    this.tx = new TransactionTemplate(transactions);
    this.json = json;
    this.cipher = cipher;
  }

  /**
   * Runs {@code action} in one transaction, honouring {@code key} when there is one.
   *
   * @param scope whose keys these are, e.g. the caller's user id (keys of different scopes never
   *     meet)
   * @param key the header's value; null or blank runs the action without a key
   * @param request the request as text, e.g. {@code Json.write(body)} plus path ids the scope does
   *     not hold; the same key with another text is refused
   * @param action the work; its body is sent as JSON: a {@code String} as it is, anything else
   *     written with the application's JSON mapper (as Spring MVC would)
   */
  public ResponseEntity<?> run(
      String scope, String key, String request, Supplier<ResponseEntity<?>> action) {
    if (key == null || key.isBlank()) {
      return tx.execute(status -> action.get());
    }
    String k = key.strip();
    if (k.length() > MAX_KEY) {
      throw InvalidInputException.of(HEADER, "validation.tooLong", MAX_KEY);
    }
    String hash = hash(request);
    return tx.execute(
        status -> {
          Optional<Stored> earlier = claim(scope, k, hash);
          if (earlier.isPresent()) {
            return replay(earlier.get(), hash);
          }
          ResponseEntity<?> response = action.get();
          if (!response.getStatusCode().is2xxSuccessful()) {
            status.setRollbackOnly();
            return response;
          }
          Stored answer = answer(hash, response);
          complete(scope, k, answer);
          return answer.toResponse(false);
        });
  }

  /** What was stored for a key; status 0 while claimed but not answered. */
  private record Stored(String requestHash, int status, String body, String location) {

    ResponseEntity<String> toResponse(boolean replayed) {
      var b = ResponseEntity.status(status);
      if (location != null) {
        b.header(HttpHeaders.LOCATION, location);
      }
      if (replayed) {
        b.header(REPLAYED, "true");
      }
      if (body == null) {
        return b.build();
      }
      return b.contentType(MediaType.APPLICATION_JSON).body(body);
    }
  }

  /**
   * Claims the key; empty when claimed now, else what was stored for it. A concurrent claim of the
   * same key makes the insert wait until that transaction ends: after a commit the insert does
   * nothing and the select sees the stored answer; after a rollback the insert claims the key.
   */
  private Optional<Stored> claim(String scope, String key, String hash) {
    int inserted =
        jdbc.sql(
                """
                insert into idempotency_record (user_key, key, request_hash, status)
                values (:u, :k, :h, 0) on conflict do nothing
                """)
            .param("u", scope)
            .param("k", key)
            .param("h", hash)
            .update();
    if (inserted == 1) {
      return Optional.empty();
    }
    return jdbc.sql(
            """
            select request_hash, status, sealed_body, location from idempotency_record
            where user_key = :u and key = :k
            """)
        .param("u", scope)
        .param("k", key)
        .query(
            (rs, i) ->
                new Stored(
                    rs.getString(1),
                    rs.getInt(2),
                    cipher.decrypt(rs.getBytes(3), BODY),
                    rs.getString(4)))
        .optional()
        // Gone between the insert and the select: only the earlier code deleted claims (below).
        .or(() -> Optional.of(new Stored(hash, 0, null, null)));
  }

  private ResponseEntity<?> replay(Stored stored, String hash) {
    if (!stored.requestHash().equals(hash)) {
      throw InvalidInputException.of(HEADER, "idempotency.mismatch");
    }
    if (stored.status() == 0) {
      // Claim and answer commit together, so an unanswered claim is seen only from a node still
      // running the earlier claim-first code (which also deleted failed claims) during a deploy.
      throw new ConflictException("idempotency.inProgress");
    }
    return stored.toResponse(true);
  }

  private Stored answer(String hash, ResponseEntity<?> response) {
    Object body = response.getBody();
    String text =
        body == null ? null : body instanceof String s ? s : json.writeValueAsString(body);
    var location = response.getHeaders().getLocation();
    return new Stored(
        hash,
        response.getStatusCode().value(),
        text,
        location == null ? null : location.toString());
  }

  private void complete(String scope, String key, Stored answer) {
    jdbc.sql(
            """
            update idempotency_record set status = :s, sealed_body = :b, location = :l
            where user_key = :u and key = :k
            """)
        .param("s", answer.status())
        .param("b", cipher.encrypt(answer.body(), BODY))
        .param("l", answer.location())
        .param("u", scope)
        .param("k", key)
        .update();
  }

  /** A keyed HMAC: without the server's key, a guess at the request cannot be checked. */
  private String hash(String request) {
    return cipher.blindIndex(request, "idempotency.request");
  }
}
