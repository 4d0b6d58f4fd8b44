package dev.mixauth.sdk.models;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Whether the provider in the user's preferences can be used now.
 *
 * @param valid whether the preferred provider has a usable credential
 * @param provider the preferred provider's id
 * @param authMethod the credential that would be used
 * @param message a sentence for the user, saying how to fix a negative result
 */
public record ValidatePreferredProviderResponse(
    @JsonProperty(value = "valid", required = true) boolean valid,
    String provider,
    @JsonProperty("auth_method") AuthMethod authMethod,
    String message) {

  public ValidatePreferredProviderResponse {
    Required.field(provider, "provider");
    Required.field(authMethod, "auth_method");
    Required.field(message, "message");
  }
}
