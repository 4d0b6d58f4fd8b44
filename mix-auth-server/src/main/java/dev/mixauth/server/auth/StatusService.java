package dev.mixauth.server.auth;

import dev.mixauth.server.vault.CredentialKind;
import dev.mixauth.server.vault.CredentialMetadata;
import dev.mixauth.server.vault.CredentialState;
import dev.mixauth.server.vault.Secret;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Computes which providers can be used now, from the in-memory {@link CredentialIndex} and the
 * environment keys read at startup: no disk read and no decryption per request.
 *
 * <p>Precedence per provider: an OAuth token that is valid or can be refreshed, then a stored API
 * key, then an API key from the environment.
 */
public final class StatusService {
  /** A token counts as expired this long before its expiry time. */
  public static final Duration EXPIRY_MARGIN = Duration.ofMinutes(5);

  private final ProviderRegistry registry;
  private final CredentialIndex index;
  private final Map<String, String> environmentHints;
  private final PreferencesService preferences;
  private final Clock clock;

  public StatusService(
      ProviderRegistry registry,
      CredentialIndex index,
      Map<String, Secret> environmentKeys,
      PreferencesService preferences,
      Clock clock) {
    this.registry = registry;
    this.index = index;
    this.environmentHints = hints(environmentKeys);
    this.preferences = preferences;
    this.clock = clock;
  }

  private static Map<String, String> hints(Map<String, Secret> keys) {
    java.util.LinkedHashMap<String, String> hints = new java.util.LinkedHashMap<>();
    keys.forEach((provider, key) -> hints.put(provider, key.hint()));
    return Map.copyOf(hints);
  }

  /** Returns one status per supported provider, in registry order. */
  public List<ProviderStatus> statusAll() {
    Instant now = clock.instant();
    return registry.all().stream().map(provider -> status(provider, now)).toList();
  }

  public ProviderStatus status(ProviderInfo provider) {
    return status(provider, clock.instant());
  }

  public boolean hasEnvironmentKey(String provider) {
    return environmentHints.containsKey(provider);
  }

  /** Checks the preferred provider; {@code anthropic} when no preference is stored. */
  public Validation validatePreferred() {
    String preferred = preferences.preferredProvider();
    Optional<ProviderInfo> provider = registry.find(preferred);
    if (provider.isEmpty()) {
      return new Validation(
          false,
          preferred,
          AuthMethod.NONE,
          "The preferred provider \"" + preferred + "\" is not supported by this server; choose one of "
              + String.join(", ", registry.ids()) + " with POST /api/preferences.");
    }
    ProviderStatus status = status(provider.get());
    return new Validation(status.authenticated(), preferred, status.method(), StatusMessages.validation(status));
  }

  private ProviderStatus status(ProviderInfo provider, Instant now) {
    Optional<CredentialMetadata> oauth = index.find(provider.id(), CredentialKind.OAUTH);
    boolean oauthStored = oauth.isPresent();
    if (oauthStored && isUsable(oauth.get(), now)) {
      return new ProviderStatus(
          provider, true, AuthMethod.OAUTH, CredentialSource.STORED, null, oauth.get().expiresAt(), false);
    }
    Optional<CredentialMetadata> apiKey = index.find(provider.id(), CredentialKind.API_KEY);
    if (apiKey.isPresent()) {
      return new ProviderStatus(
          provider, true, AuthMethod.API_KEY, CredentialSource.STORED, apiKey.get().keyHint(), null, oauthStored);
    }
    String environmentHint = environmentHints.get(provider.id());
    if (environmentHint != null) {
      return new ProviderStatus(
          provider, true, AuthMethod.API_KEY, CredentialSource.ENVIRONMENT, environmentHint, null, oauthStored);
    }
    return new ProviderStatus(provider, false, AuthMethod.NONE, null, null, null, oauthStored);
  }

  /** Returns whether an OAuth credential is valid now or can be refreshed. */
  public static boolean isUsable(CredentialMetadata oauth, Instant now) {
    if (oauth.state() != CredentialState.ACTIVE) {
      return false;
    }
    if (oauth.expiresAt() == null || now.isBefore(oauth.expiresAt().minus(EXPIRY_MARGIN))) {
      return true;
    }
    return oauth.hasRefreshToken();
  }
}
