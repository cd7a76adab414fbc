package org.lectern.shared.web.api;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;
import java.util.function.Supplier;
import org.lectern.shared.database.Json;
import org.lectern.shared.error.ConflictException;
import org.lectern.shared.error.InvalidInputException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Honours {@code Idempotency-Key} on POSTs that create things: the first request with a key runs
 * and its answer is stored; a repeat with the same body gets the same answer without running again;
 * the same key with another body is refused; a repeat while the first still runs gets 409.
 */
@Component
public class Idempotency {

  private static final int MAX_KEY = 200;
  private final JdbcClient jdbc;

  Idempotency(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public ResponseEntity<?> run(
      String caller, String key, Object request, Supplier<ResponseEntity<?>> action) {
    if (key == null || key.isBlank()) {
      return action.get();
    }
    if (key.length() > MAX_KEY) {
      throw InvalidInputException.of("Idempotency-Key", "validation.tooLong", MAX_KEY);
    }
    String hash = hash(Json.write(request));
    int inserted =
        jdbc.sql(
                """
                insert into idempotency_record (user_key, key, request_hash, status)
                values (:u, :k, :h, 0) on conflict do nothing
                """)
            .param("u", caller)
            .param("k", key)
            .param("h", hash)
            .update();
    if (inserted == 0) {
      return replay(caller, key, hash);
    }
    try {
      ResponseEntity<?> response = action.get();
      store(caller, key, response);
      return response;
    } catch (RuntimeException e) {
      jdbc.sql("delete from idempotency_record where user_key = :u and key = :k")
          .param("u", caller)
          .param("k", key)
          .update();
      throw e;
    }
  }

  private ResponseEntity<?> replay(String caller, String key, String hash) {
    record Stored(String requestHash, int status, String body, String location) {}
    Optional<Stored> stored =
        jdbc.sql(
                "select request_hash, status, body, location from idempotency_record where user_key = :u and key = :k")
            .param("u", caller)
            .param("k", key)
            .query(Stored.class)
            .optional();
    if (stored.isEmpty() || stored.get().status() == 0) {
      throw new ConflictException("idempotency.inProgress");
    }
    if (!stored.get().requestHash().equals(hash)) {
      throw InvalidInputException.of("Idempotency-Key", "idempotency.mismatch");
    }
    var b = ResponseEntity.status(stored.get().status()).contentType(MediaType.APPLICATION_JSON);
    if (stored.get().location() != null) {
      b.header(HttpHeaders.LOCATION, stored.get().location());
    }
    b.header("Idempotent-Replayed", "true");
    return b.body(stored.get().body());
  }

  private void store(String caller, String key, ResponseEntity<?> response) {
    var location = response.getHeaders().getLocation();
    jdbc.sql(
            "update idempotency_record set status = :s, body = :b, location = :l where user_key = :u and key = :k")
        .param("s", response.getStatusCode().value())
        .param("b", response.getBody() == null ? null : Json.write(response.getBody()))
        .param("l", location == null ? null : location.toString())
        .param("u", caller)
        .param("k", key)
        .update();
  }

  private static String hash(String s) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
