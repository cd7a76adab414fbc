package org.lectern.identity;

import jakarta.servlet.http.HttpServletRequest;
import java.util.UUID;
import org.lectern.shared.error.UnauthenticatedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * An organiser's registration request whose API token has not been read yet (ADR 0004, amendment
 * "the token checked in the batch"): the filter authenticated it from this node's note of the token
 * ({@link KnownTokens}), which is never trusted. The token is checked by the registration batch's
 * own statement ({@link ApiTokenService#stillValid}), or, for every other answer, by {@link
 * #confirm()} — the filter's own read — before anything is counted or written; an answer given
 * while it is unchecked is replaced by the filter's 401 if the token no longer works.
 */
public final class PendingToken {

  static final String ATTRIBUTE = PendingToken.class.getName();

  enum State {
    UNCHECKED,
    VALID,
    REFUSED
  }

  private final UUID tokenId;
  private volatile LecternUser user;
  private final ApiTokenService tokens;
  private final String token;
  private volatile State state = State.UNCHECKED;

  PendingToken(UUID tokenId, LecternUser user, ApiTokenService tokens, String token) {
    this.tokenId = tokenId;
    this.user = user;
    this.tokens = tokens;
    this.token = token;
  }

  /** The request's unchecked token, or null: its token was read by the filter (or it has none). */
  public static PendingToken of(HttpServletRequest request) {
    return request.getAttribute(ATTRIBUTE) instanceof PendingToken p ? p : null;
  }

  /** The token's id, for the batch's check. */
  public UUID tokenId() {
    return tokenId;
  }

  /** Whether the token's account was a platform administrator when the node noted it. */
  public boolean platformAdmin() {
    return user.platformAdmin();
  }

  /**
   * Reads the token as the filter does (one statement with its account) unless it is already
   * checked, and returns the account as read (the request goes on as that account, as it would
   * after the filter's read); throws the 401 when the token no longer works (the filter writes its
   * own answer).
   */
  public LecternUser confirm() {
    if (state == State.UNCHECKED) {
      var fresh = tokens.bearer(token);
      if (fresh.isPresent()) {
        var read = fresh.get().user();
        if (!read.equals(user)) {
          SecurityContextHolder.getContext()
              .setAuthentication(
                  UsernamePasswordAuthenticationToken.authenticated(
                      read, null, read.getAuthorities()));
        }
        this.user = read;
        state = State.VALID;
      } else {
        state = State.REFUSED;
      }
    }
    if (state == State.REFUSED) {
      throw new UnauthenticatedException("identity.unauthenticated");
    }
    return user;
  }

  /**
   * Whether the token works: read as {@link #confirm()} reads it if still unchecked; false when the
   * batch or that read found it revoked, expired or its account disabled.
   */
  public boolean works() {
    try {
      confirm();
      return true;
    } catch (UnauthenticatedException refused) {
      return false;
    }
  }

  boolean refused() {
    return state == State.REFUSED;
  }

  boolean unchecked() {
    return state == State.UNCHECKED;
  }

  /** The batch's statement found the token working: the answer is the batch's. */
  public void checkedByBatch() {
    state = State.VALID;
  }

  /** The batch's statement found the token revoked, expired or its account disabled. */
  public void refusedByBatch() {
    state = State.REFUSED;
  }
}
