package dev.mixauth.server.oauth;

import dev.mixauth.server.vault.Secret;
import java.time.Duration;

/** The outcome of one request to a provider's token endpoint. */
public sealed interface TokenResult {

  /**
   * The provider issued tokens.
   *
   * @param refreshToken null when the response carried none (or a blank one)
   * @param expiresIn null when the response did not give one
   */
  record Issued(Secret accessToken, Secret refreshToken, Duration expiresIn) implements TokenResult {}

  /**
   * The provider refused the grant, such as {@code invalid_grant}.
   *
   * @param description the provider's description, shortened and without the code
   */
  record Refused(int status, String error, String description) implements TokenResult {}

  /**
   * No usable response: unreachable, timed out, 429, 5XX, HTML, or JSON without an access token.
   *
   * @param retryAfter the wait the provider asked for, or null
   */
  record Unavailable(String reason, Duration retryAfter) implements TokenResult {}
}
