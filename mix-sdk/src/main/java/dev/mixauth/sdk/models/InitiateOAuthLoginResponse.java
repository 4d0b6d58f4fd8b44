package dev.mixauth.sdk.models;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Authorization URL for signing in to the default OAuth provider.
 *
 * <p>{@link #toString()} leaves out the query string of the URL, because it carries the flow's
 * state.
 *
 * @param authUrl the authorization URL to open in a browser
 */
public record InitiateOAuthLoginResponse(@JsonProperty("authUrl") String authUrl) {

  public InitiateOAuthLoginResponse {
    Required.field(authUrl, "authUrl");
  }

  @Override
  public String toString() {
    return "InitiateOAuthLoginResponse[authUrl=" + SecretHint.withoutQuery(authUrl) + "]";
  }
}
