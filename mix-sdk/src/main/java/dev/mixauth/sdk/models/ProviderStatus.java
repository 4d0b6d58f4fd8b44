package dev.mixauth.sdk.models;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import java.time.Instant;

/**
 * Authentication status of one provider.
 *
 * <p>When a provider has several credentials, the reported one is, in order: an OAuth token that is
 * valid or can be refreshed, a stored API key, an API key from the environment.
 *
 * @param authenticated whether the provider can be used now
 * @param authMethod the credential in use, {@link AuthMethod#NONE} when there is none
 * @param displayName the provider's name for people, such as {@code OpenRouter}
 * @param source optional: {@code stored} or {@code environment}, absent for {@code none}
 * @param keyHint optional: for an API key, its prefix and last four characters
 * @param expiresAt optional: for OAuth, when the access token expires
 */
public record ProviderStatus(
    @JsonProperty(value = "authenticated", required = true) boolean authenticated,
    @JsonProperty("auth_method") AuthMethod authMethod,
    @JsonProperty("display_name") String displayName,
    String source,
    @JsonProperty("key_hint") String keyHint,
    @JsonProperty("expires_at") @JsonDeserialize(using = InstantDeserializer.class)
        Instant expiresAt) {

  public ProviderStatus {
    Required.field(authMethod, "auth_method");
    Required.field(displayName, "display_name");
  }
}
