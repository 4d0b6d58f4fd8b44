package dev.mixauth.server.oauth;

import dev.mixauth.server.vault.CredentialMetadata;
import java.time.Duration;
import java.time.Instant;

/**
 * When an OAuth access token is due for refresh. Tokens are refreshed {@link #LEAD} before they
 * expire, as upstream does; a token that lives less than twice that is refreshed when half of its
 * lifetime is left, so a short-lived token is not refreshed again right after each refresh.
 */
public final class RefreshPolicy {
  /** How long before expiry a long-lived token is refreshed. */
  public static final Duration LEAD = Duration.ofMinutes(35);

  private RefreshPolicy() {}

  /** Whether the credential should be refreshed at {@code now}. */
  public static boolean isDue(CredentialMetadata oauth, Instant now) {
    if (oauth.expiresAt() == null || !oauth.hasRefreshToken()) {
      return false;
    }
    return !now.isBefore(oauth.expiresAt().minus(lead(oauth)));
  }

  static Duration lead(CredentialMetadata oauth) {
    Instant issued = oauth.lastRefresh() != null ? oauth.lastRefresh() : oauth.createdAt();
    Duration lifetime = Duration.between(issued, oauth.expiresAt());
    if (lifetime.isNegative() || lifetime.isZero()) {
      return LEAD;
    }
    Duration half = lifetime.dividedBy(2);
    return half.compareTo(LEAD) < 0 ? half : LEAD;
  }
}
