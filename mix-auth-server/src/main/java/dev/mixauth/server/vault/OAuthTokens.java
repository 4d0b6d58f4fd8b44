package dev.mixauth.server.vault;

import java.time.Instant;
import java.util.Objects;

/**
 * An OAuth access token with its optional refresh token and expiry.
 *
 * @param refreshToken null when the provider issued none
 * @param expiresAt null when the provider did not say
 */
public record OAuthTokens(Secret accessToken, Secret refreshToken, Instant expiresAt) {
  public OAuthTokens {
    Objects.requireNonNull(accessToken, "accessToken");
  }
}
