package dev.mixauth.server.oauth;

import java.time.Instant;

/**
 * The result of one refresh attempt of a provider's OAuth credential.
 *
 * @param provider the provider id
 * @param kind what happened
 * @param detail a sentence without secrets, for messages and the health report
 * @param expiresAt the access token's expiry after the attempt, when known
 */
public record RefreshOutcome(String provider, Kind kind, String detail, Instant expiresAt) {

  /** The classes of refresh result, each with its own handling. */
  public enum Kind {
    /** New tokens are stored. */
    REFRESHED,
    /** Another caller or process refreshed it meanwhile; nothing was sent. */
    ALREADY_FRESH,
    /** The provider rejected the refresh token; the user must sign in again once the token expires. */
    REJECTED,
    /** No usable response (429, timeout, 5XX, not JSON); the tokens are kept and retried later. */
    RETRY_LATER,
    /** There is nothing to refresh: no OAuth credential, or no refresh token. */
    NOT_REFRESHABLE
  }

  public boolean succeeded() {
    return kind == Kind.REFRESHED || kind == Kind.ALREADY_FRESH;
  }
}
