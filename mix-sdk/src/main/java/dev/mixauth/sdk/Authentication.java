package dev.mixauth.sdk;

import dev.mixauth.sdk.errors.ErrorResponse;
import dev.mixauth.sdk.errors.MixException;
import dev.mixauth.sdk.models.DeleteCredentialsResponse;
import dev.mixauth.sdk.models.GetAuthStatusResponse;
import dev.mixauth.sdk.models.HandleOAuthCallbackResponse;
import dev.mixauth.sdk.models.InitiateOAuthLoginResponse;
import dev.mixauth.sdk.models.OAuthHealthResponse;
import dev.mixauth.sdk.models.Provider;
import dev.mixauth.sdk.models.RefreshOAuthTokensResponse;
import dev.mixauth.sdk.models.SetApiKeyResponse;
import dev.mixauth.sdk.models.StartOAuthFlowResponse;
import dev.mixauth.sdk.models.StoreApiKeyResponse;
import dev.mixauth.sdk.models.ValidatePreferredProviderResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;

/**
 * Operations that store, check and delete the credentials of AI providers.
 *
 * <p>Every operation has four forms: a blocking call that uses the client's {@link RetryConfig},
 * one that takes a {@code RetryConfig} for this call only ({@code null} means the client's), and an
 * {@code …Async} twin of each. Each throws {@link ErrorResponse} for the error statuses its Javadoc
 * lists and another {@link MixException} for any other failure (see {@link
 * dev.mixauth.sdk.errors}). API keys, OAuth codes and states never appear in exception messages or
 * listener events.
 */
public final class Authentication {

  private static final Operation STORE_API_KEY = Operation.post("storeApiKey", 400, 500);
  private static final Operation SET_API_KEY = Operation.post("setApiKey", 400, 401, 500);
  private static final Operation INITIATE_OAUTH_LOGIN =
      Operation.post("initiateOAuthLogin", 401, 500);
  private static final Operation HANDLE_OAUTH_CALLBACK =
      Operation.post("handleOAuthCallback", 400, 500);
  private static final Operation START_OAUTH_FLOW = Operation.post("startOAuthFlow", 400, 500);
  private static final Operation GET_AUTH_STATUS = Operation.get("getAuthStatus", 500);
  private static final Operation VALIDATE_PREFERRED_PROVIDER =
      Operation.get("validatePreferredProvider", 500);
  private static final Operation DELETE_CREDENTIALS =
      Operation.delete("deleteCredentials", 400, 500);
  private static final Operation GET_OAUTH_HEALTH = Operation.get("getOAuthHealth", 500);
  private static final Operation REFRESH_OAUTH_TOKENS = Operation.post("refreshOAuthTokens", 500);

  private final Transport transport;

  Authentication(Transport transport) {
    this.transport = transport;
  }

  /**
   * Stores an API key for one provider ({@code POST /api/auth/api-key}).
   *
   * @param apiKey the provider's API key
   * @param provider the provider the key belongs to
   * @throws ErrorResponse for status 400 (missing field, unknown provider, malformed key) or 500
   */
  public StoreApiKeyResponse storeApiKey(String apiKey, Provider provider) {
    return storeApiKey(apiKey, provider, null);
  }

  /** Stores an API key for one provider with the retry policy {@code retryConfig}. */
  public StoreApiKeyResponse storeApiKey(
      String apiKey, Provider provider, RetryConfig retryConfig) {
    Objects.requireNonNull(apiKey, "apiKey");
    Objects.requireNonNull(provider, "provider");

    Map<String, Object> body = new LinkedHashMap<>();
    body.put("api_key", apiKey);
    body.put("provider", provider.value());
    return transport.call(
        STORE_API_KEY,
        "/api/auth/api-key",
        body,
        retryConfig,
        transport.type(StoreApiKeyResponse.class));
  }

  /** Runs {@link #storeApiKey(String, Provider)} on the client's executor. */
  public CompletableFuture<StoreApiKeyResponse> storeApiKeyAsync(String apiKey, Provider provider) {
    return transport.async(() -> storeApiKey(apiKey, provider));
  }

  /** Runs {@link #storeApiKey(String, Provider, RetryConfig)} on the client's executor. */
  public CompletableFuture<StoreApiKeyResponse> storeApiKeyAsync(
      String apiKey, Provider provider, RetryConfig retryConfig) {
    return transport.async(() -> storeApiKey(apiKey, provider, retryConfig));
  }

  /**
   * Sets the API key used for direct authentication, in the older single-provider form ({@code POST
   * /api/auth/apikey}).
   *
   * @throws ErrorResponse for status 400 (invalid key), 401 (the provider rejected the key) or 500
   */
  public SetApiKeyResponse setApiKey(String apiKey) {
    return setApiKey(apiKey, null);
  }

  /** Sets the API key used for direct authentication with the retry policy {@code retryConfig}. */
  public SetApiKeyResponse setApiKey(String apiKey, RetryConfig retryConfig) {
    Objects.requireNonNull(apiKey, "apiKey");
    return transport.call(
        SET_API_KEY,
        "/api/auth/apikey",
        Map.of("apiKey", apiKey),
        retryConfig,
        transport.type(SetApiKeyResponse.class));
  }

  /** Runs {@link #setApiKey(String)} on the client's executor. */
  public CompletableFuture<SetApiKeyResponse> setApiKeyAsync(String apiKey) {
    return transport.async(() -> setApiKey(apiKey));
  }

  /** Runs {@link #setApiKey(String, RetryConfig)} on the client's executor. */
  public CompletableFuture<SetApiKeyResponse> setApiKeyAsync(
      String apiKey, RetryConfig retryConfig) {
    return transport.async(() -> setApiKey(apiKey, retryConfig));
  }

  /**
   * Starts OAuth for the default OAuth provider, {@code anthropic}, in the older form ({@code POST
   * /api/auth/login}).
   *
   * @throws ErrorResponse for status 401 or 500
   */
  public InitiateOAuthLoginResponse initiateOAuthLogin() {
    return initiateOAuthLogin(null);
  }

  /** Starts OAuth for the default OAuth provider with the retry policy {@code retryConfig}. */
  public InitiateOAuthLoginResponse initiateOAuthLogin(RetryConfig retryConfig) {
    return transport.call(
        INITIATE_OAUTH_LOGIN,
        "/api/auth/login",
        null,
        retryConfig,
        transport.type(InitiateOAuthLoginResponse.class));
  }

  /** Runs {@link #initiateOAuthLogin()} on the client's executor. */
  public CompletableFuture<InitiateOAuthLoginResponse> initiateOAuthLoginAsync() {
    return transport.async(this::initiateOAuthLogin);
  }

  /** Runs {@link #initiateOAuthLogin(RetryConfig)} on the client's executor. */
  public CompletableFuture<InitiateOAuthLoginResponse> initiateOAuthLoginAsync(
      RetryConfig retryConfig) {
    return transport.async(() -> initiateOAuthLogin(retryConfig));
  }

  /**
   * Completes an OAuth flow: the server checks the state, exchanges the code for tokens at the
   * provider and stores them ({@code POST /api/auth/oauth-callback}).
   *
   * @param code the authorization code. For Anthropic, the whole {@code code#state} string that
   *     the provider's page shows is accepted too.
   * @param provider the provider id, such as {@code anthropic}
   * @param state the state that {@link #startOAuthFlow(String)} returned
   * @throws ErrorResponse for status 400 (missing field, unknown, expired or used state, or a code
   *     the provider rejected) or 500
   */
  public HandleOAuthCallbackResponse handleOAuthCallback(
      String code, String provider, String state) {
    return handleOAuthCallback(code, provider, state, null);
  }

  /** Completes an OAuth flow with the retry policy {@code retryConfig}. */
  public HandleOAuthCallbackResponse handleOAuthCallback(
      String code, String provider, String state, RetryConfig retryConfig) {
    Objects.requireNonNull(code, "code");
    Objects.requireNonNull(provider, "provider");
    Objects.requireNonNull(state, "state");

    Map<String, Object> body = new LinkedHashMap<>();
    body.put("provider", provider);
    body.put("code", code);
    body.put("state", state);
    return transport.call(
        HANDLE_OAUTH_CALLBACK,
        "/api/auth/oauth-callback",
        body,
        retryConfig,
        transport.type(HandleOAuthCallbackResponse.class));
  }

  /** Runs {@link #handleOAuthCallback(String, String, String)} on the client's executor. */
  public CompletableFuture<HandleOAuthCallbackResponse> handleOAuthCallbackAsync(
      String code, String provider, String state) {
    return transport.async(() -> handleOAuthCallback(code, provider, state));
  }

  /**
   * Runs {@link #handleOAuthCallback(String, String, String, RetryConfig)} on the client's
   * executor.
   */
  public CompletableFuture<HandleOAuthCallbackResponse> handleOAuthCallbackAsync(
      String code, String provider, String state, RetryConfig retryConfig) {
    return transport.async(() -> handleOAuthCallback(code, provider, state, retryConfig));
  }

  /**
   * Starts an OAuth flow for one provider ({@code POST /api/auth/oauth/{provider}}).
   *
   * @param provider the provider id, such as {@code anthropic}
   * @throws ErrorResponse for status 400 (unknown provider, or one without OAuth) or 500
   */
  public StartOAuthFlowResponse startOAuthFlow(String provider) {
    return startOAuthFlow(provider, null);
  }

  /** Starts an OAuth flow for one provider with the retry policy {@code retryConfig}. */
  public StartOAuthFlowResponse startOAuthFlow(String provider, RetryConfig retryConfig) {
    Objects.requireNonNull(provider, "provider");
    return transport.call(
        START_OAUTH_FLOW,
        "/api/auth/oauth/" + Transport.pathSegment(provider),
        null,
        retryConfig,
        transport.type(StartOAuthFlowResponse.class));
  }

  /** Runs {@link #startOAuthFlow(String)} on the client's executor. */
  public CompletableFuture<StartOAuthFlowResponse> startOAuthFlowAsync(String provider) {
    return transport.async(() -> startOAuthFlow(provider));
  }

  /** Runs {@link #startOAuthFlow(String, RetryConfig)} on the client's executor. */
  public CompletableFuture<StartOAuthFlowResponse> startOAuthFlowAsync(
      String provider, RetryConfig retryConfig) {
    return transport.async(() -> startOAuthFlow(provider, retryConfig));
  }

  /**
   * Returns the authentication status of every provider the server supports ({@code GET
   * /api/auth/status}).
   *
   * @throws ErrorResponse for status 500
   */
  public GetAuthStatusResponse getAuthStatus() {
    return getAuthStatus(null);
  }

  /** Returns the authentication status with the retry policy {@code retryConfig}. */
  public GetAuthStatusResponse getAuthStatus(RetryConfig retryConfig) {
    return transport.call(
        GET_AUTH_STATUS,
        "/api/auth/status",
        null,
        retryConfig,
        transport.type(GetAuthStatusResponse.class));
  }

  /** Runs {@link #getAuthStatus()} on the client's executor. */
  public CompletableFuture<GetAuthStatusResponse> getAuthStatusAsync() {
    return transport.async(this::getAuthStatus);
  }

  /** Runs {@link #getAuthStatus(RetryConfig)} on the client's executor. */
  public CompletableFuture<GetAuthStatusResponse> getAuthStatusAsync(RetryConfig retryConfig) {
    return transport.async(() -> getAuthStatus(retryConfig));
  }

  /**
   * Checks whether the provider in the user's preferences can be used now ({@code GET
   * /api/auth/validate}).
   *
   * @throws ErrorResponse for status 500
   */
  public ValidatePreferredProviderResponse validatePreferredProvider() {
    return validatePreferredProvider(null);
  }

  /** Checks the preferred provider with the retry policy {@code retryConfig}. */
  public ValidatePreferredProviderResponse validatePreferredProvider(RetryConfig retryConfig) {
    return transport.call(
        VALIDATE_PREFERRED_PROVIDER,
        "/api/auth/validate",
        null,
        retryConfig,
        transport.type(ValidatePreferredProviderResponse.class));
  }

  /** Runs {@link #validatePreferredProvider()} on the client's executor. */
  public CompletableFuture<ValidatePreferredProviderResponse> validatePreferredProviderAsync() {
    return transport.async(this::validatePreferredProvider);
  }

  /** Runs {@link #validatePreferredProvider(RetryConfig)} on the client's executor. */
  public CompletableFuture<ValidatePreferredProviderResponse> validatePreferredProviderAsync(
      RetryConfig retryConfig) {
    return transport.async(() -> validatePreferredProvider(retryConfig));
  }

  /**
   * Deletes the stored API key and OAuth tokens of one provider ({@code DELETE
   * /api/auth/{provider}}). An API key from the server's environment is not affected.
   *
   * @param provider the provider id, such as {@code openrouter}
   * @throws ErrorResponse for status 400 (unknown provider) or 500
   */
  public DeleteCredentialsResponse deleteCredentials(String provider) {
    return deleteCredentials(provider, null);
  }

  /** Deletes the credentials of one provider with the retry policy {@code retryConfig}. */
  public DeleteCredentialsResponse deleteCredentials(String provider, RetryConfig retryConfig) {
    Objects.requireNonNull(provider, "provider");
    return transport.call(
        DELETE_CREDENTIALS,
        "/api/auth/" + Transport.pathSegment(provider),
        null,
        retryConfig,
        transport.type(DeleteCredentialsResponse.class));
  }

  /** Runs {@link #deleteCredentials(String)} on the client's executor. */
  public CompletableFuture<DeleteCredentialsResponse> deleteCredentialsAsync(String provider) {
    return transport.async(() -> deleteCredentials(provider));
  }

  /** Runs {@link #deleteCredentials(String, RetryConfig)} on the client's executor. */
  public CompletableFuture<DeleteCredentialsResponse> deleteCredentialsAsync(
      String provider, RetryConfig retryConfig) {
    return transport.async(() -> deleteCredentials(provider, retryConfig));
  }

  /**
   * Returns the health of every stored OAuth credential ({@code GET /health/auth}).
   *
   * @throws ErrorResponse for status 500
   */
  public OAuthHealthResponse getOAuthHealth() {
    return getOAuthHealth(null);
  }

  /** Returns the health of the OAuth credentials with the retry policy {@code retryConfig}. */
  public OAuthHealthResponse getOAuthHealth(RetryConfig retryConfig) {
    return transport.call(
        GET_OAUTH_HEALTH,
        "/health/auth",
        null,
        retryConfig,
        transport.type(OAuthHealthResponse.class));
  }

  /** Runs {@link #getOAuthHealth()} on the client's executor. */
  public CompletableFuture<OAuthHealthResponse> getOAuthHealthAsync() {
    return transport.async(this::getOAuthHealth);
  }

  /** Runs {@link #getOAuthHealth(RetryConfig)} on the client's executor. */
  public CompletableFuture<OAuthHealthResponse> getOAuthHealthAsync(RetryConfig retryConfig) {
    return transport.async(() -> getOAuthHealth(retryConfig));
  }

  /**
   * Refreshes every OAuth token that is due now ({@code POST /internal/auth/refresh-tokens}).
   *
   * @throws ErrorResponse for status 500
   */
  public RefreshOAuthTokensResponse refreshOAuthTokens() {
    return refreshOAuthTokens(null);
  }

  /** Refreshes the OAuth tokens that are due with the retry policy {@code retryConfig}. */
  public RefreshOAuthTokensResponse refreshOAuthTokens(RetryConfig retryConfig) {
    return transport.call(
        REFRESH_OAUTH_TOKENS,
        "/internal/auth/refresh-tokens",
        null,
        retryConfig,
        transport.type(RefreshOAuthTokensResponse.class));
  }

  /** Runs {@link #refreshOAuthTokens()} on the client's executor. */
  public CompletableFuture<RefreshOAuthTokensResponse> refreshOAuthTokensAsync() {
    return transport.async(this::refreshOAuthTokens);
  }

  /** Runs {@link #refreshOAuthTokens(RetryConfig)} on the client's executor. */
  public CompletableFuture<RefreshOAuthTokensResponse> refreshOAuthTokensAsync(
      RetryConfig retryConfig) {
    return transport.async(() -> refreshOAuthTokens(retryConfig));
  }
}
