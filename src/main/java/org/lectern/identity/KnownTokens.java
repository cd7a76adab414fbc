package org.lectern.identity;

import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * This node's note of the API tokens it has read and found working (by their hash, never the
 * token): which token, whose, until when. Never trusted: an organiser's registration authenticated
 * by a note is a {@link PendingToken}, checked by the batch's statement or read again before any
 * other answer (ADR 0004, amendment "the token checked in the batch"). Every other request reads
 * its token as before.
 */
@Component
final class KnownTokens {

  /** Beyond this many notes, all are forgotten (the next request of each token reads it). */
  static final int MAX = 10_000;

  record Known(UUID tokenId, LecternUser user, Instant factorAt, Instant expiresAt) {}

  private final ConcurrentHashMap<ByteBuffer, Known> byHash = new ConcurrentHashMap<>();

  Known get(byte[] hash) {
    return byHash.get(ByteBuffer.wrap(hash));
  }

  void put(byte[] hash, Known known) {
    if (byHash.size() >= MAX) {
      byHash.clear();
    }
    byHash.put(ByteBuffer.wrap(hash), known);
  }

  void forget(byte[] hash) {
    byHash.remove(ByteBuffer.wrap(hash));
  }
}
