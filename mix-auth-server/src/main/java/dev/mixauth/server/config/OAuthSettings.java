package dev.mixauth.server.config;

import java.net.URI;
import java.util.Objects;

/**
 * How this server signs users in with one provider's OAuth.
 *
 * @param enabled whether the sign-in may be started at all
 * @param redirectUri the redirect registered for the client id
 * @param scopes space-separated scopes requested at the authorize step
 * @param tokenFormat the body format of the code exchange and refresh requests
 * @param stateIsVerifier older compatibility mode that sends the PKCE verifier as the state. It
 *     publishes the verifier in the authorization URL, so it is weaker and off by default
 * @param sendStateInExchange whether the code exchange body carries {@code state}
 * @param revokeUrl where refresh tokens are revoked on logout; null when the provider has none
 * @param listenForCallback whether this server listens on the redirect URI's loopback port for a
 *     localhost-callback sign-in; when false, the redirect address is pasted to the callback API
 */
public record OAuthSettings(
    String provider,
    boolean enabled,
    String clientId,
    URI authorizeUrl,
    URI tokenUrl,
    String redirectUri,
    String scopes,
    TokenFormat tokenFormat,
    boolean stateIsVerifier,
    boolean sendStateInExchange,
    URI revokeUrl,
    boolean listenForCallback) {

  /** The encoding of token endpoint request bodies. */
  public enum TokenFormat {
    JSON,
    FORM
  }

  public OAuthSettings {
    Objects.requireNonNull(provider, "provider");
    Objects.requireNonNull(clientId, "clientId");
    Objects.requireNonNull(authorizeUrl, "authorizeUrl");
    Objects.requireNonNull(tokenUrl, "tokenUrl");
    Objects.requireNonNull(redirectUri, "redirectUri");
    Objects.requireNonNull(tokenFormat, "tokenFormat");
  }
}
