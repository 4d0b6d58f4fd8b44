package dev.mixauth.sdk.models;

/**
 * Result of deleting the stored API key and OAuth tokens of one provider.
 *
 * @param status {@code success} when the credentials are gone
 * @param provider the provider id whose credentials were deleted
 * @param message a sentence for the user
 */
public record DeleteCredentialsResponse(String status, String provider, String message) {

  public DeleteCredentialsResponse {
    Required.field(status, "status");
    Required.field(provider, "provider");
    Required.field(message, "message");
  }
}
