package dev.mixauth.sdk.models;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Result of completing an OAuth flow.
 *
 * @param status {@code success} when the tokens were stored
 * @param provider the provider id the tokens belong to
 * @param message a sentence for the user
 * @param expiresIn seconds until the new access token expires
 */
public record HandleOAuthCallbackResponse(
    String status,
    String provider,
    String message,
    @JsonProperty(value = "expires_in", required = true) long expiresIn) {

  public HandleOAuthCallbackResponse {
    Required.field(status, "status");
    Required.field(provider, "provider");
    Required.field(message, "message");
  }
}
