package org.lectern.identity;

import java.util.function.Supplier;
import org.lectern.shared.web.api.Idempotency;
import org.springframework.http.ResponseEntity;

/**
 * What a creating API handler takes as one argument instead of three: the caller (as
 * {@code @AuthenticationPrincipal} finds them, null for no one), the request's {@code
 * Idempotency-Key} (as {@code @RequestHeader(required = false)} reads it) and {@link
 * Idempotency#run} under the caller's scope. {@link IdempotentCreateArguments} resolves it and
 * lists the header in /v3/api-docs.
 */
public record IdempotentCreate(LecternUser actor, String key, Idempotency idempotency) {

  /**
   * Runs the creation once per key of the caller: the scope is their id, {@code anonymous} when no
   * one is signed in.
   */
  public ResponseEntity<?> run(String request, Supplier<ResponseEntity<?>> action) {
    return idempotency.run(scope(), key, request, action);
  }

  /** As {@link #run}, with the caller's keys apart per {@code within}: {@code <id>:<within>}. */
  public ResponseEntity<?> runWithin(
      Object within, String request, Supplier<ResponseEntity<?>> action) {
    return idempotency.run(scope() + ":" + within, key, request, action);
  }

  private String scope() {
    return actor == null ? "anonymous" : actor.id().toString();
  }
}
