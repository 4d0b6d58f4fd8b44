package dev.mixauth.fakes;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * Access and refresh tokens issued by one fake authorization server.
 *
 * <p>Refresh tokens rotate: a refresh spends the presented token and issues a new one, and a spent
 * token is rejected with {@code invalid_grant}, as both real providers are reported to do. Every
 * method takes the store's lock, so of several concurrent refreshes with one token exactly one
 * succeeds.
 */
final class TokenStore {

  private static final int TOKEN_BYTES = 48;

  private enum RefreshStatus {
    LIVE,
    SPENT,
    REVOKED
  }

  private static final class RefreshEntry {
    final String clientId;
    final String scope;
    RefreshStatus status = RefreshStatus.LIVE;

    /** The access token issued last with this refresh token, revoked together with it. */
    String accessToken;

    RefreshEntry(String clientId, String scope) {
      this.clientId = clientId;
      this.scope = scope;
    }
  }

  private static final class AccessEntry {
    final Instant expiresAt;
    boolean revoked;

    AccessEntry(Instant expiresAt) {
      this.expiresAt = expiresAt;
    }
  }

  private final String accessPrefix;
  private final String refreshPrefix;
  private final Clock clock;
  private final Map<String, RefreshEntry> refreshTokens = new HashMap<>();
  private final Map<String, AccessEntry> accessTokens = new HashMap<>();

  /**
   * Creates a store whose tokens start with the prefixes, such as {@code sk-ant-oat01-} for
   * Anthropic access tokens, or an empty string for opaque tokens.
   */
  TokenStore(String accessPrefix, String refreshPrefix, Clock clock) {
    this.accessPrefix = accessPrefix;
    this.refreshPrefix = refreshPrefix;
    this.clock = clock;
  }

  /** Issues a new access token and a new refresh token for the client. */
  synchronized TokenGrant issue(String clientId, String scope, Duration expiresIn) {
    RefreshEntry entry = new RefreshEntry(clientId, scope);
    String refreshToken = RandomTokens.next(refreshPrefix, TOKEN_BYTES);
    refreshTokens.put(refreshToken, entry);

    String accessToken = issueAccessToken(entry, expiresIn);
    return new TokenGrant(accessToken, refreshToken, expiresIn, scope);
  }

  /**
   * Redeems a refresh token. With {@code rotate}, the presented token is spent and a new one is
   * issued; without it, the presented token stays live and the grant has no refresh token. With
   * {@code issueAccess}, a new access token is issued.
   *
   * @throws OAuthException {@code invalid_grant} if the token is unknown, spent, revoked or was
   *     issued to another client
   */
  synchronized TokenGrant refresh(
      String refreshToken,
      String clientId,
      Duration expiresIn,
      boolean issueAccess,
      boolean rotate) {
    RefreshEntry entry = refreshTokens.get(refreshToken);
    if (entry == null) {
      throw OAuthException.invalidGrant("Refresh token is invalid");
    }
    if (entry.status == RefreshStatus.SPENT) {
      throw OAuthException.invalidGrant(
          "Refresh token was already used; refresh tokens are accepted once");
    }
    if (entry.status == RefreshStatus.REVOKED) {
      throw OAuthException.invalidGrant("Refresh token was revoked");
    }
    if (!entry.clientId.equals(clientId)) {
      throw OAuthException.invalidGrant("Refresh token was issued to another client");
    }

    RefreshEntry current = entry;
    String newRefreshToken = null;
    if (rotate) {
      entry.status = RefreshStatus.SPENT;
      current = new RefreshEntry(entry.clientId, entry.scope);
      newRefreshToken = RandomTokens.next(refreshPrefix, TOKEN_BYTES);
      refreshTokens.put(newRefreshToken, current);
    }

    String accessToken = issueAccess ? issueAccessToken(current, expiresIn) : null;
    return new TokenGrant(accessToken, newRefreshToken, expiresIn, entry.scope);
  }

  /**
   * Revokes an access or refresh token, and with a refresh token also the access token issued last
   * with it. Returns whether the token was known.
   */
  synchronized boolean revoke(String token) {
    RefreshEntry refresh = refreshTokens.get(token);
    if (refresh != null) {
      refresh.status = RefreshStatus.REVOKED;
      AccessEntry access =
          refresh.accessToken == null ? null : accessTokens.get(refresh.accessToken);
      if (access != null) {
        access.revoked = true;
      }
      return true;
    }

    AccessEntry access = accessTokens.get(token);
    if (access != null) {
      access.revoked = true;
      return true;
    }
    return false;
  }

  /** Returns whether the refresh token was issued here and is neither spent nor revoked. */
  synchronized boolean isRefreshTokenLive(String token) {
    RefreshEntry entry = refreshTokens.get(token);
    return entry != null && entry.status == RefreshStatus.LIVE;
  }

  /** Returns whether the access token was issued here, is unexpired and not revoked. */
  synchronized boolean isAccessTokenLive(String token) {
    AccessEntry entry = accessTokens.get(token);
    return entry != null && !entry.revoked && clock.instant().isBefore(entry.expiresAt);
  }

  synchronized void clear() {
    refreshTokens.clear();
    accessTokens.clear();
  }

  private String issueAccessToken(RefreshEntry entry, Duration expiresIn) {
    String accessToken = RandomTokens.next(accessPrefix, TOKEN_BYTES);
    accessTokens.put(accessToken, new AccessEntry(clock.instant().plus(expiresIn)));
    entry.accessToken = accessToken;
    return accessToken;
  }
}
