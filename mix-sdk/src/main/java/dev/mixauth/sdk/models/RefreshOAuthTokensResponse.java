package dev.mixauth.sdk.models;

/**
 * Result of refreshing the OAuth tokens that are due.
 *
 * @param status {@code success} when the refresh ran
 * @param message a sentence describing what was refreshed
 */
public record RefreshOAuthTokensResponse(String status, String message) {

  public RefreshOAuthTokensResponse {
    Required.field(status, "status");
    Required.field(message, "message");
  }
}
