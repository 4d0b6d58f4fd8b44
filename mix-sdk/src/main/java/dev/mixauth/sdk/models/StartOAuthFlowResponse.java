package dev.mixauth.sdk.models;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A started OAuth flow: the authorization URL, and the state to send back with the code.
 *
 * <p>{@link #toString()} prints a hint of the state and leaves out the query string of the URL,
 * which carries the state too.
 *
 * @param authUrl the authorization URL to open in a browser
 * @param state the flow's state, to pass to {@code handleOAuthCallback}
 * @param message what the user does next
 */
public record StartOAuthFlowResponse(
    @JsonProperty("auth_url") String authUrl, String state, String message) {

  public StartOAuthFlowResponse {
    Required.field(authUrl, "auth_url");
    Required.field(state, "state");
    Required.field(message, "message");
  }

  @Override
  public String toString() {
    return "StartOAuthFlowResponse[authUrl="
        + SecretHint.withoutQuery(authUrl)
        + ", state="
        + SecretHint.of(state)
        + ", message="
        + message
        + "]";
  }
}
