package dev.mixauth.fakes;

import java.time.Duration;
import java.util.Objects;

/**
 * Settings of one fake authorization server, changeable while it runs, so that one server can serve
 * tests that need different behaviour. Each setter returns this object for chaining, and a change
 * applies to requests that arrive after it. {@link FakeProviders#reset()} restores the defaults.
 *
 * <p>The defaults imitate the real provider: its client id and redirect URI, its token body format
 * (JSON for Anthropic, form encoding for OpenAI), rotating refresh tokens, and an access token
 * lifetime of 8 hours for Anthropic and 1 hour for OpenAI.
 */
public final class OAuthOptions {

  private final String defaultClientId;
  private final String defaultRedirectUri;
  private final BodyFormat defaultBodyFormat;
  private final Duration defaultExpiresIn;

  private volatile String clientId;
  private volatile String redirectUri;
  private volatile BodyFormat bodyFormat;
  private volatile boolean requireStateEqualsVerifier;
  private volatile Duration expiresIn;
  private volatile TokenField accessTokenOnRefresh;
  private volatile TokenField refreshTokenOnRefresh;

  OAuthOptions(String clientId, String redirectUri, BodyFormat bodyFormat, Duration expiresIn) {
    this.defaultClientId = clientId;
    this.defaultRedirectUri = redirectUri;
    this.defaultBodyFormat = bodyFormat;
    this.defaultExpiresIn = expiresIn;
    reset();
  }

  /** Restores every setting to its default. */
  void reset() {
    clientId = defaultClientId;
    redirectUri = defaultRedirectUri;
    bodyFormat = defaultBodyFormat;
    requireStateEqualsVerifier = false;
    expiresIn = defaultExpiresIn;
    accessTokenOnRefresh = TokenField.PRESENT;
    refreshTokenOnRefresh = TokenField.PRESENT;
  }

  /** Returns the only client id that the authorize, token and revoke endpoints accept. */
  public String clientId() {
    return clientId;
  }

  public OAuthOptions clientId(String clientId) {
    this.clientId = requireText(clientId, "clientId");
    return this;
  }

  /** Returns the only redirect URI that the authorize endpoint accepts. */
  public String redirectUri() {
    return redirectUri;
  }

  /**
   * Registers another redirect URI in place of the default, for example a test server's own
   * loopback callback.
   */
  public OAuthOptions redirectUri(String redirectUri) {
    this.redirectUri = requireText(redirectUri, "redirectUri");
    return this;
  }

  /** Returns the request body formats that the token and revoke endpoints accept. */
  public BodyFormat bodyFormat() {
    return bodyFormat;
  }

  /** Sets the accepted body formats. A body in another format is a 400 {@code invalid_request}. */
  public OAuthOptions bodyFormat(BodyFormat bodyFormat) {
    this.bodyFormat = Objects.requireNonNull(bodyFormat, "bodyFormat");
    return this;
  }

  /** Returns whether the code exchange also requires {@code state} to equal the verifier. */
  public boolean requireStateEqualsVerifier() {
    return requireStateEqualsVerifier;
  }

  /**
   * Makes the code exchange also require {@code state == code_verifier}, a compatibility mode of
   * older clients that reused the verifier as the state. It applies only where the exchange body
   * carries {@code state}, which is Anthropic. The OpenAI fake ignores it.
   */
  public OAuthOptions requireStateEqualsVerifier(boolean required) {
    this.requireStateEqualsVerifier = required;
    return this;
  }

  /** Returns the lifetime of new access tokens, sent as {@code expires_in}. */
  public Duration expiresIn() {
    return expiresIn;
  }

  /**
   * Sets the lifetime of access tokens issued from now on. Zero issues tokens that are already
   * expired.
   *
   * @throws IllegalArgumentException if the lifetime is negative
   */
  public OAuthOptions expiresIn(Duration expiresIn) {
    Objects.requireNonNull(expiresIn, "expiresIn");
    if (expiresIn.isNegative()) {
      throw new IllegalArgumentException("expiresIn must not be negative, got " + expiresIn + ".");
    }
    this.expiresIn = expiresIn;
    return this;
  }

  /** Returns how {@code access_token} appears in refresh responses. */
  public TokenField accessTokenOnRefresh() {
    return accessTokenOnRefresh;
  }

  /**
   * Sets how {@code access_token} appears in refresh responses. Unless it is {@link
   * TokenField#PRESENT}, the refresh issues no access token.
   */
  public OAuthOptions accessTokenOnRefresh(TokenField field) {
    this.accessTokenOnRefresh = Objects.requireNonNull(field, "field");
    return this;
  }

  /** Returns how {@code refresh_token} appears in refresh responses. */
  public TokenField refreshTokenOnRefresh() {
    return refreshTokenOnRefresh;
  }

  /**
   * Sets how {@code refresh_token} appears in refresh responses. Unless it is {@link
   * TokenField#PRESENT}, the refresh does not rotate, so the presented refresh token stays live, as
   * with a server that does not rotate refresh tokens.
   */
  public OAuthOptions refreshTokenOnRefresh(TokenField field) {
    this.refreshTokenOnRefresh = Objects.requireNonNull(field, "field");
    return this;
  }

  private static String requireText(String value, String name) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException(name + " must not be blank.");
    }
    return value;
  }
}
