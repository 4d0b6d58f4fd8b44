package dev.mixauth.fakes;

import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

/**
 * The provider-independent rules of a fake OAuth 2.0 authorization server with PKCE: authorize
 * request validation, code exchange, refresh token rotation and revocation. The provider classes
 * {@link AnthropicOAuth} and {@link OpenAiOAuth} add the wire formats.
 *
 * <p>Errors are {@link OAuthException}s with the codes of RFC 6749 section 5.2. A failed exchange
 * leaves the code unused, so only a successful exchange spends it.
 *
 * <p>NOTE: whether the real providers also spend a code on a failed exchange is not known here.
 */
final class AuthorizationServer {

  private final OAuthProfile profile;
  private final OAuthOptions options;
  private final Clock clock;
  private final AuthorizationCodes codes;
  private final TokenStore tokens;
  private final AtomicInteger successfulExchanges = new AtomicInteger();
  private final AtomicInteger successfulRefreshes = new AtomicInteger();

  AuthorizationServer(OAuthProfile profile, OAuthOptions options, TokenStore tokens, Clock clock) {
    this.profile = profile;
    this.options = options;
    this.clock = clock;
    this.codes = new AuthorizationCodes(clock);
    this.tokens = tokens;
  }

  OAuthProfile profile() {
    return profile;
  }

  OAuthOptions options() {
    return options;
  }

  /**
   * Validates an authorize request and issues a code for it, approving on the user's behalf. The
   * client id and redirect URI are checked first, because a client may only be sent back to a
   * registered redirect.
   *
   * @throws OAuthException for the first invalid parameter
   */
  Approval authorize(Map<String, String> query) {
    AuthorizeRequest request = validateAuthorize(query);
    return new Approval(codes.issue(request), request);
  }

  /**
   * Handles a token request by its {@code grant_type}.
   *
   * @throws OAuthException when the request is invalid or the grant is rejected
   */
  TokenGrant token(Map<String, String> parameters) {
    String grantType = required(parameters, "grant_type");
    switch (grantType) {
      case "authorization_code":
        return exchange(parameters);
      case "refresh_token":
        return refresh(parameters);
      default:
        throw new OAuthException(
            400,
            "unsupported_grant_type",
            "grant_type must be authorization_code or refresh_token, got '" + grantType + "'");
    }
  }

  /**
   * Revokes a token as RFC 7009 describes. An unknown token is not an error (section 2.2), so the
   * caller responds with 200 either way.
   *
   * @throws OAuthException if the token or client id is missing or the client id is wrong
   */
  void revoke(Map<String, String> parameters) {
    String token = required(parameters, "token");
    requireClient(parameters);
    tokens.revoke(token);
  }

  /** Issues a token pair outside the sign-in flow, for tests that seed a stored credential. */
  IssuedTokens issueTokens() {
    String scope = String.join(" ", profile.requiredScopes());
    TokenGrant grant = tokens.issue(options.clientId(), scope, options.expiresIn());
    return new IssuedTokens(grant.accessToken(), grant.refreshToken(), grant.expiresIn());
  }

  int successfulExchanges() {
    return successfulExchanges.get();
  }

  int successfulRefreshes() {
    return successfulRefreshes.get();
  }

  void expireCodes() {
    codes.expireAll();
  }

  TokenStore tokens() {
    return tokens;
  }

  /** Forgets all codes, tokens and counts. Options are reset by their owner. */
  void clear() {
    codes.clear();
    tokens.clear();
    successfulExchanges.set(0);
    successfulRefreshes.set(0);
  }

  private AuthorizeRequest validateAuthorize(Map<String, String> query) {
    String clientId = required(query, "client_id");
    if (!clientId.equals(options.clientId())) {
      throw OAuthException.invalidClient("Unknown client_id");
    }

    String redirectUri = required(query, "redirect_uri");
    if (!redirectUri.equals(options.redirectUri())) {
      throw OAuthException.invalidRequest("redirect_uri is not registered for this client");
    }

    String responseType = required(query, "response_type");
    if (!responseType.equals("code")) {
      throw new OAuthException(
          400,
          "unsupported_response_type",
          "response_type must be code, got '" + responseType + "'");
    }

    String scope = required(query, "scope");
    Set<String> granted = Arrays.stream(scope.trim().split(" +")).collect(Collectors.toSet());
    List<String> missing =
        profile.requiredScopes().stream()
            .filter(required -> !granted.contains(required))
            .collect(Collectors.toList());
    if (!missing.isEmpty()) {
      throw new OAuthException(
          400, "invalid_scope", "scope must include " + String.join(" ", missing));
    }

    String challenge = required(query, "code_challenge");
    if (!Pkce.isWellFormed(challenge)) {
      throw OAuthException.invalidRequest("code_challenge must be " + Pkce.FORMAT_HINT);
    }

    String method = required(query, "code_challenge_method");
    if (!method.equals("S256")) {
      throw OAuthException.invalidRequest(
          "code_challenge_method must be S256, got '" + method + "'");
    }

    String state = required(query, "state");
    return new AuthorizeRequest(clientId, redirectUri, scope, challenge, state);
  }

  private TokenGrant exchange(Map<String, String> parameters) {
    requireClient(parameters);
    String code = required(parameters, "code");
    String redirectUri = required(parameters, "redirect_uri");
    String verifier = required(parameters, "code_verifier");
    String state = profile.exchangeCarriesState() ? required(parameters, "state") : null;

    AuthorizationCodes.IssuedCode issued =
        codes
            .find(code)
            .orElseThrow(() -> OAuthException.invalidGrant("Authorization code is invalid"));
    if (issued.isUsed()) {
      throw OAuthException.invalidGrant("Authorization code was already used");
    }
    if (issued.isExpired(clock.instant())) {
      throw OAuthException.invalidGrant("Authorization code has expired");
    }

    AuthorizeRequest request = issued.request();
    if (!request.clientId().equals(parameters.get("client_id"))) {
      throw OAuthException.invalidGrant("Authorization code was issued to another client");
    }
    if (!request.redirectUri().equals(redirectUri)) {
      throw OAuthException.invalidGrant("redirect_uri does not match the authorize request");
    }
    checkVerifier(verifier, request.codeChallenge());
    if (state != null) {
      checkState(state, verifier, request.state());
    }

    // Checked again atomically: of two concurrent exchanges of one code, only one gets here.
    if (!issued.markUsed()) {
      throw OAuthException.invalidGrant("Authorization code was already used");
    }

    TokenGrant grant = tokens.issue(request.clientId(), request.scope(), options.expiresIn());
    successfulExchanges.incrementAndGet();
    return grant;
  }

  private TokenGrant refresh(Map<String, String> parameters) {
    String clientId = requireClient(parameters);
    String refreshToken = required(parameters, "refresh_token");

    TokenField accessField = options.accessTokenOnRefresh();
    TokenField refreshField = options.refreshTokenOnRefresh();
    boolean issueAccess = accessField == TokenField.PRESENT;
    boolean rotate = refreshField == TokenField.PRESENT;
    TokenGrant grant =
        tokens
            .refresh(refreshToken, clientId, options.expiresIn(), issueAccess, rotate)
            .withMissingFields(accessField, refreshField);

    successfulRefreshes.incrementAndGet();
    return grant;
  }

  /** RFC 7636 section 4.6: the S256 hash of the verifier must equal the stored challenge. */
  private static void checkVerifier(String verifier, String challenge) {
    if (!Pkce.isWellFormed(verifier)) {
      throw OAuthException.invalidRequest("code_verifier must be " + Pkce.FORMAT_HINT);
    }
    if (!Pkce.matches(verifier, challenge)) {
      throw OAuthException.invalidGrant("code_verifier does not match the code_challenge");
    }
  }

  private void checkState(String state, String verifier, String authorizeState) {
    if (!state.equals(authorizeState)) {
      throw OAuthException.invalidGrant("state does not match the authorize request");
    }
    if (options.requireStateEqualsVerifier() && !state.equals(verifier)) {
      throw OAuthException.invalidGrant(
          "state must equal code_verifier in the state-equals-verifier compatibility mode");
    }
  }

  private String requireClient(Map<String, String> parameters) {
    String clientId = required(parameters, "client_id");
    if (!clientId.equals(options.clientId())) {
      throw OAuthException.invalidClient("Unknown client_id");
    }
    return clientId;
  }

  private static String required(Map<String, String> parameters, String name) {
    String value = parameters.get(name);
    if (value == null || value.isEmpty()) {
      throw OAuthException.invalidRequest(name + " is missing");
    }
    return value;
  }
}
