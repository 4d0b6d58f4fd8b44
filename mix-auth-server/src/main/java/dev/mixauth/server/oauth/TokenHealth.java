package dev.mixauth.server.oauth;

import dev.mixauth.server.auth.CredentialIndex;
import dev.mixauth.server.auth.ProviderInfo;
import dev.mixauth.server.auth.ProviderRegistry;
import dev.mixauth.server.auth.StatusService;
import dev.mixauth.server.vault.CredentialKind;
import dev.mixauth.server.vault.CredentialMetadata;
import dev.mixauth.server.vault.CredentialState;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** Reports the health of every OAuth credential from the in-memory metadata. */
public final class TokenHealth {

  /**
   * One provider's token health.
   *
   * @param status {@code active}, {@code expired}, {@code expired_no_refresh}, {@code error} or
   *     {@code not_found}
   */
  public record ProviderHealth(
      String provider, String status, Instant expiresAt, String expiresIn, Instant lastRefresh, String error) {}

  /** @param status {@code healthy}, {@code degraded} or {@code unhealthy} */
  public record Report(String status, Instant timestamp, Map<String, ProviderHealth> providers) {}

  private final ProviderRegistry registry;
  private final CredentialIndex index;
  private final Clock clock;

  public TokenHealth(ProviderRegistry registry, CredentialIndex index, Clock clock) {
    this.registry = registry;
    this.index = index;
    this.clock = clock;
  }

  /**
   * Builds the report. Overall: healthy when every OAuth token is valid for more than five
   * minutes, degraded when one is close to expiry, expired but refreshable, or failed its last
   * refresh, unhealthy when one expired with no way to refresh.
   */
  public Report report() {
    Instant now = clock.instant();
    Map<String, ProviderHealth> providers = new LinkedHashMap<>();
    boolean degraded = false;
    boolean unhealthy = false;
    for (ProviderInfo provider : registry.all()) {
      if (!provider.supportsOAuth()) {
        continue;
      }
      Optional<CredentialMetadata> oauth = index.find(provider.id(), CredentialKind.OAUTH);
      ProviderHealth health = oauth.map(m -> health(m, now))
          .orElse(new ProviderHealth(provider.id(), "not_found", null, null, null, null));
      providers.put(provider.id(), health);
      switch (health.status()) {
        case "expired_no_refresh" -> unhealthy = true;
        case "expired", "error" -> degraded = true;
        case "active" -> degraded |= oauth.get().expiresAt() != null
            && !now.isBefore(oauth.get().expiresAt().minus(StatusService.EXPIRY_MARGIN));
        default -> { }
      }
    }
    String overall = "healthy";
    if (unhealthy) {
      overall = "unhealthy";
    } else if (degraded) {
      overall = "degraded";
    }
    return new Report(overall, now, providers);
  }

  private static ProviderHealth health(CredentialMetadata m, Instant now) {
    Instant expiresAt = m.expiresAt();
    String expiresIn = expiresAt == null ? null : goDuration(Duration.between(now, expiresAt));
    String status;
    if (m.state() == CredentialState.EXPIRED_NO_REFRESH
        || (expiresAt != null && !now.isBefore(expiresAt) && !m.hasRefreshToken())) {
      status = "expired_no_refresh";
    } else if (m.lastError() != null) {
      status = "error";
    } else if (expiresAt != null && !now.isBefore(expiresAt)) {
      status = "expired";
    } else {
      status = "active";
    }
    return new ProviderHealth(m.provider(), status, expiresAt, expiresIn, m.lastRefresh(), m.lastError());
  }

  /** Formats a duration as Go does, such as {@code 2h30m15s}; negative when already past. */
  static String goDuration(Duration duration) {
    long seconds = duration.getSeconds();
    String sign = seconds < 0 ? "-" : "";
    seconds = Math.abs(seconds);
    long hours = seconds / 3600;
    long minutes = (seconds % 3600) / 60;
    long rest = seconds % 60;
    if (hours > 0) {
      return sign + hours + "h" + minutes + "m" + rest + "s";
    }
    if (minutes > 0) {
      return sign + minutes + "m" + rest + "s";
    }
    return sign + rest + "s";
  }
}
