package dev.mixauth.sdk;

import static dev.mixauth.sdk.FakeServer.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.mixauth.sdk.errors.ErrorResponse;
import dev.mixauth.sdk.models.Provider;
import dev.mixauth.sdk.models.UpdatePreferencesRequest;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class AsyncTest {

  /** One async call, the response the server gives it, and what the server must receive. */
  record Case(
      String name,
      Function<Mix, CompletableFuture<?>> call,
      String responseBody,
      String method,
      String path,
      String requestBody,
      String expectedResult) {

    @Override
    public String toString() {
      return name;
    }
  }

  private static final String PROVIDER_OPERATION =
      "{\"status\":\"success\",\"provider\":\"openai\",\"message\":\"Done.\"}";
  private static final String PREFERENCES = "{\"preferred_provider\":\"openai\"}";

  static Stream<Case> cases() {
    RetryConfig once = RetryConfig.none();
    return Stream.of(
        new Case(
            "storeApiKeyAsync",
            mix -> mix.authentication().storeApiKeyAsync("sk-test-key", Provider.OPENAI),
            PROVIDER_OPERATION,
            "POST",
            "/api/auth/api-key",
            "{\"api_key\":\"sk-test-key\",\"provider\":\"openai\"}",
            "StoreApiKeyResponse[status=success, provider=openai, message=Done.]"),
        new Case(
            "storeApiKeyAsyncWithRetryConfig",
            mix -> mix.authentication().storeApiKeyAsync("sk-test-key", Provider.OPENAI, once),
            PROVIDER_OPERATION,
            "POST",
            "/api/auth/api-key",
            "{\"api_key\":\"sk-test-key\",\"provider\":\"openai\"}",
            "StoreApiKeyResponse[status=success, provider=openai, message=Done.]"),
        new Case(
            "setApiKeyAsync",
            mix -> mix.authentication().setApiKeyAsync("sk-test-key"),
            "{\"success\":true}",
            "POST",
            "/api/auth/apikey",
            "{\"apiKey\":\"sk-test-key\"}",
            "SetApiKeyResponse[success=true]"),
        new Case(
            "initiateOAuthLoginAsync",
            mix -> mix.authentication().initiateOAuthLoginAsync(once),
            "{\"authUrl\":\"https://example.test/authorize?state=x\"}",
            "POST",
            "/api/auth/login",
            "",
            "InitiateOAuthLoginResponse[authUrl=https://example.test/authorize?…]"),
        new Case(
            "handleOAuthCallbackAsync",
            mix -> mix.authentication().handleOAuthCallbackAsync("c", "anthropic", "s"),
            "{\"status\":\"success\",\"provider\":\"anthropic\",\"message\":\"Done.\","
                + "\"expires_in\":60}",
            "POST",
            "/api/auth/oauth-callback",
            "{\"provider\":\"anthropic\",\"code\":\"c\",\"state\":\"s\"}",
            "HandleOAuthCallbackResponse[status=success, provider=anthropic, message=Done.,"
                + " expiresIn=60]"),
        new Case(
            "startOAuthFlowAsync",
            mix -> mix.authentication().startOAuthFlowAsync("openai"),
            "{\"auth_url\":\"https://example.test/authorize\",\"state\":\"s\",\"message\":\"Go.\"}",
            "POST",
            "/api/auth/oauth/openai",
            "",
            "StartOAuthFlowResponse[authUrl=https://example.test/authorize, state=…,"
                + " message=Go.]"),
        new Case(
            "getAuthStatusAsync",
            mix -> mix.authentication().getAuthStatusAsync(),
            "{\"providers\":{}}",
            "GET",
            "/api/auth/status",
            "",
            "GetAuthStatusResponse[providers={}]"),
        new Case(
            "validatePreferredProviderAsync",
            mix -> mix.authentication().validatePreferredProviderAsync(),
            "{\"valid\":true,\"provider\":\"openai\",\"auth_method\":\"api_key\","
                + "\"message\":\"Ready.\"}",
            "GET",
            "/api/auth/validate",
            "",
            "ValidatePreferredProviderResponse[valid=true, provider=openai, authMethod=API_KEY,"
                + " message=Ready.]"),
        new Case(
            "deleteCredentialsAsync",
            mix -> mix.authentication().deleteCredentialsAsync("openai"),
            PROVIDER_OPERATION,
            "DELETE",
            "/api/auth/openai",
            "",
            "DeleteCredentialsResponse[status=success, provider=openai, message=Done.]"),
        new Case(
            "getOAuthHealthAsync",
            mix -> mix.authentication().getOAuthHealthAsync(),
            "{\"status\":\"healthy\",\"timestamp\":\"2026-01-01T12:00:00Z\",\"providers\":{}}",
            "GET",
            "/health/auth",
            "",
            "OAuthHealthResponse[status=healthy, timestamp=2026-01-01T12:00:00Z, providers={}]"),
        new Case(
            "refreshOAuthTokensAsync",
            mix -> mix.authentication().refreshOAuthTokensAsync(),
            "{\"status\":\"success\",\"message\":\"Nothing due.\"}",
            "POST",
            "/internal/auth/refresh-tokens",
            "",
            "RefreshOAuthTokensResponse[status=success, message=Nothing due.]"),
        new Case(
            "getPreferencesAsync",
            mix -> mix.preferences().getPreferencesAsync(),
            "{\"preferences\":null,\"available_providers\":{}}",
            "GET",
            "/api/preferences",
            "",
            "GetPreferencesResponse[preferences=null, availableProviders={}]"),
        new Case(
            "updatePreferencesAsync",
            mix ->
                mix.preferences()
                    .updatePreferencesAsync(
                        UpdatePreferencesRequest.builder().subAgentModel("gpt-5-mini").build()),
            PREFERENCES,
            "POST",
            "/api/preferences",
            "{\"sub_agent_model\":\"gpt-5-mini\"}",
            "UserPreferences[preferredProvider=openai, mainAgentModel=null,"
                + " mainAgentMaxTokens=null, mainAgentReasoningEffort=null, subAgentModel=null,"
                + " subAgentMaxTokens=null, subAgentReasoningEffort=null, createdAt=null,"
                + " updatedAt=null]"),
        new Case(
            "getAvailableProvidersAsync",
            mix -> mix.preferences().getAvailableProvidersAsync(),
            "{\"openai\":{\"display_name\":\"OpenAI\",\"models\":[\"gpt-5\"]}}",
            "GET",
            "/api/preferences/providers",
            "",
            "{openai=AvailableProvider[displayName=OpenAI, models=[gpt-5]]}"),
        new Case(
            "resetPreferencesAsync",
            mix -> mix.preferences().resetPreferencesAsync(once),
            PREFERENCES,
            "POST",
            "/api/preferences/reset",
            "",
            "UserPreferences[preferredProvider=openai, mainAgentModel=null,"
                + " mainAgentMaxTokens=null, mainAgentReasoningEffort=null, subAgentModel=null,"
                + " subAgentMaxTokens=null, subAgentReasoningEffort=null, createdAt=null,"
                + " updatedAt=null]"),
        new Case(
            "healthCheckAsync",
            mix -> mix.health().healthCheckAsync(),
            "{\"status\":\"ok\",\"timestamp\":\"2026-01-01T12:00:00Z\",\"version\":\"1\"}",
            "GET",
            "/health",
            "",
            "HealthCheckResponse[status=ok, timestamp=2026-01-01T12:00:00Z, version=1]"));
  }

  private FakeServer server;
  private Mix mix;

  @BeforeEach
  void start() throws Exception {
    server = FakeServer.start();
    mix = Mix.builder().serverUrl(server.url()).retryConfig(RetryConfig.none()).build();
  }

  @AfterEach
  void stop() {
    mix.close();
    server.close();
  }

  @ParameterizedTest
  @MethodSource("cases")
  void asyncCallSendsRequestAndParsesResponse(Case testCase) throws Exception {
    server.enqueue(json(200, testCase.responseBody()));

    Object result = testCase.call().apply(mix).get(10, TimeUnit.SECONDS);

    FakeServer.Request request = server.onlyRequest();
    assertThat(request.method()).isEqualTo(testCase.method());
    assertThat(request.path()).isEqualTo(testCase.path());
    assertThat(request.body()).isEqualTo(testCase.requestBody());
    assertThat(result).hasToString(testCase.expectedResult());
  }

  @Test
  void asyncErrorCompletesExceptionally() {
    server.enqueue(FakeServer.error(400, "validation_error", "provider is required"));

    CompletableFuture<?> future = mix.authentication().deleteCredentialsAsync("nobody");
    Throwable thrown = catchThrowable(future::join);

    assertThat(thrown).isInstanceOf(CompletionException.class);
    assertThat(thrown.getCause())
        .isInstanceOf(ErrorResponse.class)
        .hasMessage(
            "deleteCredentials failed with status 400 (validation_error): provider is required");
  }

  @Test
  void asyncRunsOffCallingThread() throws Exception {
    server.enqueue(json(200, "{\"providers\":{}}"));
    Thread caller = Thread.currentThread();

    Thread worker =
        mix.authentication()
            .getAuthStatusAsync()
            .thenApply(result -> Thread.currentThread())
            .get(10, TimeUnit.SECONDS);

    assertThat(worker).isNotSameAs(caller);
    assertThat(worker.getName()).startsWith("mix-sdk-async-");
  }
}
