package dev.mixauth.fakes;

import java.time.Duration;
import java.util.Objects;

/**
 * An access token and refresh token pair that a fake authorization server issued, for tests that
 * seed a stored credential without going through the sign-in flow. {@link #toString()} hides the
 * tokens.
 */
public final class IssuedTokens {

  private final String accessToken;
  private final String refreshToken;
  private final Duration expiresIn;

  IssuedTokens(String accessToken, String refreshToken, Duration expiresIn) {
    this.accessToken = Objects.requireNonNull(accessToken, "accessToken");
    this.refreshToken = Objects.requireNonNull(refreshToken, "refreshToken");
    this.expiresIn = Objects.requireNonNull(expiresIn, "expiresIn");
  }

  public String accessToken() {
    return accessToken;
  }

  public String refreshToken() {
    return refreshToken;
  }

  /** Returns the access token's lifetime from the moment it was issued. */
  public Duration expiresIn() {
    return expiresIn;
  }

  @Override
  public String toString() {
    return "IssuedTokens[access="
        + TokenHints.hint(accessToken)
        + ", refresh="
        + TokenHints.hint(refreshToken)
        + ", expiresIn="
        + expiresIn
        + "]";
  }
}
