package dev.mixauth.sdk.models;

/**
 * Result of storing an API key.
 *
 * @param status {@code success} when the key was stored
 * @param provider the provider id the key was stored for
 * @param message a sentence for the user
 */
public record StoreApiKeyResponse(String status, String provider, String message) {

  public StoreApiKeyResponse {
    Required.field(status, "status");
    Required.field(provider, "provider");
    Required.field(message, "message");
  }
}
