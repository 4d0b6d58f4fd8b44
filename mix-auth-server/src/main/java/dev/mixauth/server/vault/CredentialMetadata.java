package dev.mixauth.server.vault;

import java.time.Instant;
import java.util.Objects;

/**
 * The plain facts about one stored credential that status queries need, so that answering them
 * never decrypts anything.
 *
 * @param keyHint the hint of the API key or access token, never the value
 * @param expiresAt when the OAuth access token expires; null for API keys
 * @param hasRefreshToken whether an OAuth refresh token is stored
 * @param lastRefresh the last successful refresh; null before the first one
 * @param lastError the last refresh failure, as a sentence without secrets; null when none
 */
public record CredentialMetadata(
    String provider,
    CredentialKind kind,
    String keyHint,
    Instant expiresAt,
    boolean hasRefreshToken,
    CredentialState state,
    Instant lastRefresh,
    String lastError,
    Instant createdAt,
    Instant updatedAt) {

  public CredentialMetadata {
    Objects.requireNonNull(provider, "provider");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(state, "state");
    Objects.requireNonNull(createdAt, "createdAt");
    Objects.requireNonNull(updatedAt, "updatedAt");
  }
}
