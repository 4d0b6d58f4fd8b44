package dev.mixauth.server.auth;

import dev.mixauth.server.audit.AuditLog;
import dev.mixauth.server.errors.Failure;
import dev.mixauth.server.errors.MixAuthException;
import dev.mixauth.server.provider.KeyCheck;
import dev.mixauth.server.provider.KeyChecker;
import dev.mixauth.server.vault.CredentialKind;
import dev.mixauth.server.vault.CredentialVault;
import dev.mixauth.server.vault.Secret;
import dev.mixauth.server.vault.StoredCredential;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Stores, checks and deletes API keys and deletes OAuth credentials. */
public final class CredentialService {
  private static final Logger log = LoggerFactory.getLogger(CredentialService.class);

  private final ProviderRegistry registry;
  private final ApiKeyFormat format;
  private final CredentialVault vault;
  private final CredentialIndex index;
  private final KeyChecker checker;
  private final PreferencesService preferences;
  private final StatusService status;
  private final AuditLog audit;
  private final Revocation revocation;
  private final Clock clock;

  public CredentialService(
      ProviderRegistry registry,
      CredentialVault vault,
      CredentialIndex index,
      KeyChecker checker,
      PreferencesService preferences,
      StatusService status,
      AuditLog audit,
      Revocation revocation,
      Clock clock) {
    this.registry = registry;
    this.format = new ApiKeyFormat(registry);
    this.vault = vault;
    this.index = index;
    this.checker = checker;
    this.preferences = preferences;
    this.status = status;
    this.audit = audit;
    this.revocation = revocation;
    this.clock = clock;
  }

  /**
   * Checks the key's format and stores it for the provider.
   *
   * @return the stored key's hint
   */
  public String storeApiKey(String providerId, String rawKey, Caller caller) {
    ProviderInfo provider = registry.require(providerId, "provider");
    Secret key = format.normalise(rawKey, provider, "api_key");
    save(provider, key);
    audit.record("store_api_key", provider.id(), "success", caller.address(), key.hint());
    return key.hint();
  }

  /**
   * Checks the key with the preferred provider and stores it only if the provider accepts it.
   *
   * @return the provider the key was stored for
   * @throws MixAuthException rejected by provider when the provider refuses the key, provider
   *     unavailable when it cannot be asked; nothing is stored in either case
   */
  public ProviderInfo setApiKey(String rawKey, Caller caller) {
    ProviderInfo provider = registry.require(preferences.preferredProvider(), "preferred_provider");
    Secret key = format.normalise(rawKey, provider, "apiKey");

    KeyCheck check = checker.check(provider.id(), key);
    if (check instanceof KeyCheck.Rejected rejected) {
      audit.record("set_api_key", provider.id(), "rejected", caller.address(), key.hint());
      throw new MixAuthException(
          Failure.REJECTED_BY_PROVIDER,
          provider.displayName() + " rejected the API key " + key.hint() + " (HTTP " + rejected.status()
              + "); check that the key is complete and still active. Nothing was stored.");
    }
    if (check instanceof KeyCheck.Unavailable unavailable) {
      audit.record("set_api_key", provider.id(), "unchecked", caller.address(), unavailable.reason());
      throw new MixAuthException(
          Failure.PROVIDER_UNAVAILABLE,
          "Could not check the API key with " + provider.displayName() + ": its API " + unavailable.reason()
              + ". Nothing was stored; try again later.");
    }

    save(provider, key);
    audit.record("set_api_key", provider.id(), "success", caller.address(), key.hint());
    return provider;
  }

  /**
   * Deletes the stored API key and OAuth credentials of a provider.
   *
   * @return a sentence that states what was deleted and what still applies
   * @throws MixAuthException (invalid request) when the only credential comes from the
   *     environment, which this server cannot delete
   */
  public String delete(String providerId, Caller caller) {
    ProviderInfo provider = registry.require(providerId, "provider");
    boolean fromEnvironment = status.hasEnvironmentKey(provider.id());
    boolean hasStored =
        index.find(provider.id(), CredentialKind.API_KEY).isPresent()
            || index.find(provider.id(), CredentialKind.OAUTH).isPresent();
    if (!hasStored && fromEnvironment) {
      audit.record("delete", provider.id(), "rejected", caller.address(), "environment key");
      throw MixAuthException.invalid(
          "The " + provider.displayName() + " API key comes from the " + provider.environmentVariable()
              + " environment variable, which this server cannot delete. Unset "
              + provider.environmentVariable() + " and restart the server to remove it.");
    }

    Optional<String> revokeFailure = revocation.revoke(provider.id());
    int deleted = vault.store().delete(provider.id());
    index.reload();
    audit.record("delete", provider.id(), "success", caller.address(),
        deleted + " stored credentials" + revokeFailure.map(f -> "; revocation failed: " + f).orElse(""));
    log.info("Deleted {} stored credentials of {}", deleted, provider.id());

    String message =
        deleted == 0
            ? "No stored credentials for " + provider.displayName() + "; nothing to delete."
            : "Deleted the stored credentials for " + provider.displayName() + ".";
    if (revokeFailure.isPresent()) {
      message += " Revoking the refresh token at " + provider.displayName() + " failed (" + revokeFailure.get()
          + "), so it stays valid there until it expires; revoke the app's access in your "
          + provider.displayName() + " account settings.";
    }
    if (fromEnvironment) {
      message += " The API key from " + provider.environmentVariable() + " still applies; unset it and restart"
          + " the server to remove it.";
    }
    return message;
  }

  private void save(ProviderInfo provider, Secret key) {
    Instant now = clock.instant();
    Instant created =
        index.find(provider.id(), CredentialKind.API_KEY).map(m -> m.createdAt()).orElse(now);
    StoredCredential row = vault.sealApiKey(provider.id(), key, created, now);
    vault.store().put(row);
    index.reload();
    log.info("Stored the API key {} for {}", key.hint(), provider.id());
  }
}
