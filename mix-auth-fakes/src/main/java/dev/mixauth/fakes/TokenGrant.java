package dev.mixauth.fakes;

import java.time.Duration;

/**
 * The tokens of one successful token response. A token is null when none was issued, and then its
 * {@link TokenField} sets whether the response leaves the field out or sends it empty. {@link
 * #toString()} hides the tokens.
 */
final class TokenGrant {

  private final String accessToken;
  private final String refreshToken;
  private final Duration expiresIn;
  private final String scope;
  private final TokenField accessField;
  private final TokenField refreshField;

  TokenGrant(String accessToken, String refreshToken, Duration expiresIn, String scope) {
    this(accessToken, refreshToken, expiresIn, scope, fieldOf(accessToken), fieldOf(refreshToken));
  }

  private TokenGrant(
      String accessToken,
      String refreshToken,
      Duration expiresIn,
      String scope,
      TokenField accessField,
      TokenField refreshField) {
    this.accessToken = accessToken;
    this.refreshToken = refreshToken;
    this.expiresIn = expiresIn;
    this.scope = scope;
    this.accessField = accessField;
    this.refreshField = refreshField;
  }

  /**
   * Returns a copy whose missing tokens appear in the response as the given fields specify. A token
   * that was issued is always {@link TokenField#PRESENT}.
   */
  TokenGrant withMissingFields(TokenField accessIfMissing, TokenField refreshIfMissing) {
    return new TokenGrant(
        accessToken,
        refreshToken,
        expiresIn,
        scope,
        accessToken != null ? TokenField.PRESENT : accessIfMissing,
        refreshToken != null ? TokenField.PRESENT : refreshIfMissing);
  }

  /** Returns the new access token, or null when none was issued. */
  String accessToken() {
    return accessToken;
  }

  /** Returns the new refresh token, or null when none was issued. */
  String refreshToken() {
    return refreshToken;
  }

  Duration expiresIn() {
    return expiresIn;
  }

  String scope() {
    return scope;
  }

  TokenField accessField() {
    return accessField;
  }

  TokenField refreshField() {
    return refreshField;
  }

  @Override
  public String toString() {
    return "TokenGrant[access="
        + TokenHints.hint(accessToken)
        + ", refresh="
        + TokenHints.hint(refreshToken)
        + ", expiresIn="
        + expiresIn
        + "]";
  }

  private static TokenField fieldOf(String token) {
    return token != null ? TokenField.PRESENT : TokenField.OMITTED;
  }
}
