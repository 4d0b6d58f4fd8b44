package dev.mixauth.sdk;

import static dev.mixauth.sdk.FakeServer.json;
import static org.assertj.core.api.Assertions.assertThat;

import dev.mixauth.sdk.models.AuthMethod;
import dev.mixauth.sdk.models.DeleteCredentialsResponse;
import dev.mixauth.sdk.models.GetAuthStatusResponse;
import dev.mixauth.sdk.models.HandleOAuthCallbackResponse;
import dev.mixauth.sdk.models.InitiateOAuthLoginResponse;
import dev.mixauth.sdk.models.OAuthHealthResponse;
import dev.mixauth.sdk.models.OAuthProviderHealth;
import dev.mixauth.sdk.models.Provider;
import dev.mixauth.sdk.models.ProviderStatus;
import dev.mixauth.sdk.models.RefreshOAuthTokensResponse;
import dev.mixauth.sdk.models.SetApiKeyResponse;
import dev.mixauth.sdk.models.StartOAuthFlowResponse;
import dev.mixauth.sdk.models.StoreApiKeyResponse;
import dev.mixauth.sdk.models.ValidatePreferredProviderResponse;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class AuthenticationTest {

  static final String OPENROUTER_KEY = "sk-or-v1-0123456789abcdef0123456789abcdefa9F2";

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

  @Test
  void storeApiKeySendsSnakeCaseBody() {
    server.enqueue(
        json(
            200,
            "{\"status\":\"success\",\"provider\":\"openrouter\",\"message\":\"Key stored.\"}"));

    StoreApiKeyResponse response =
        mix.authentication().storeApiKey(OPENROUTER_KEY, Provider.OPENROUTER);

    FakeServer.Request request = server.onlyRequest();
    assertThat(request.method()).isEqualTo("POST");
    assertThat(request.path()).isEqualTo("/api/auth/api-key");
    assertThat(request.body())
        .isEqualTo("{\"api_key\":\"" + OPENROUTER_KEY + "\",\"provider\":\"openrouter\"}");
    assertThat(request.headers().getFirst("Content-Type")).isEqualTo("application/json");
    assertThat(request.headers().getFirst("Accept")).isEqualTo("application/json");
    assertThat(response).isEqualTo(new StoreApiKeyResponse("success", "openrouter", "Key stored."));
  }

  @Test
  void setApiKeySendsCamelCaseBody() {
    server.enqueue(json(200, "{\"success\":true}"));

    SetApiKeyResponse response = mix.authentication().setApiKey(OPENROUTER_KEY);

    FakeServer.Request request = server.onlyRequest();
    assertThat(request.method()).isEqualTo("POST");
    assertThat(request.path()).isEqualTo("/api/auth/apikey");
    assertThat(request.body()).isEqualTo("{\"apiKey\":\"" + OPENROUTER_KEY + "\"}");
    assertThat(response.success()).isTrue();
  }

  @Test
  void initiateOAuthLoginSendsNoBody() {
    server.enqueue(json(200, "{\"authUrl\":\"https://claude.ai/oauth/authorize?state=abc\"}"));

    InitiateOAuthLoginResponse response = mix.authentication().initiateOAuthLogin();

    FakeServer.Request request = server.onlyRequest();
    assertThat(request.method()).isEqualTo("POST");
    assertThat(request.path()).isEqualTo("/api/auth/login");
    assertThat(request.body()).isEmpty();
    assertThat(request.headers().getFirst("Content-Type")).isNull();
    assertThat(response.authUrl()).isEqualTo("https://claude.ai/oauth/authorize?state=abc");
  }

  @Test
  void handleOAuthCallbackSendsAllThreeFields() {
    server.enqueue(
        json(
            200,
            "{\"status\":\"success\",\"provider\":\"anthropic\",\"message\":\"Signed in.\","
                + "\"expires_in\":28800}"));

    HandleOAuthCallbackResponse response =
        mix.authentication().handleOAuthCallback("code-123#state-456", "anthropic", "state-456");

    FakeServer.Request request = server.onlyRequest();
    assertThat(request.method()).isEqualTo("POST");
    assertThat(request.path()).isEqualTo("/api/auth/oauth-callback");
    assertThat(request.body())
        .isEqualTo(
            "{\"provider\":\"anthropic\",\"code\":\"code-123#state-456\",\"state\":\"state-456\"}");
    assertThat(response)
        .isEqualTo(new HandleOAuthCallbackResponse("success", "anthropic", "Signed in.", 28800));
  }

  @Test
  void startOAuthFlowPutsProviderInPath() {
    server.enqueue(
        json(
            200,
            "{\"auth_url\":\"https://claude.ai/oauth/authorize?state=s1\",\"state\":\"s1\","
                + "\"message\":\"Open the URL and paste the code.\"}"));

    StartOAuthFlowResponse response = mix.authentication().startOAuthFlow("anthropic");

    FakeServer.Request request = server.onlyRequest();
    assertThat(request.method()).isEqualTo("POST");
    assertThat(request.path()).isEqualTo("/api/auth/oauth/anthropic");
    assertThat(request.body()).isEmpty();
    assertThat(response.authUrl()).isEqualTo("https://claude.ai/oauth/authorize?state=s1");
    assertThat(response.state()).isEqualTo("s1");
    assertThat(response.message()).isEqualTo("Open the URL and paste the code.");
  }

  @Test
  void startOAuthFlowEncodesProviderSegment() {
    server.enqueue(json(200, "{\"auth_url\":\"u\",\"state\":\"s\",\"message\":\"m\"}"));

    mix.authentication().startOAuthFlow("a b/c");

    assertThat(server.onlyRequest().path()).isEqualTo("/api/auth/oauth/a%20b%2Fc");
  }

  @Test
  void getAuthStatusParsesEveryProvider() {
    server.enqueue(
        json(
            200,
            "{\"providers\":{"
                + "\"anthropic\":{\"authenticated\":true,\"auth_method\":\"oauth\","
                + "\"display_name\":\"Anthropic\",\"source\":\"stored\","
                + "\"expires_at\":\"2026-01-01T14:30:15Z\"},"
                + "\"openai\":{\"authenticated\":false,\"auth_method\":\"none\","
                + "\"display_name\":\"OpenAI\"},"
                + "\"openrouter\":{\"authenticated\":true,\"auth_method\":\"api_key\","
                + "\"display_name\":\"OpenRouter\",\"source\":\"environment\","
                + "\"key_hint\":\"sk-or-v1-…a9F2\"}}}"));

    GetAuthStatusResponse response = mix.authentication().getAuthStatus();

    FakeServer.Request request = server.onlyRequest();
    assertThat(request.method()).isEqualTo("GET");
    assertThat(request.path()).isEqualTo("/api/auth/status");
    assertThat(response.providers()).containsOnlyKeys("anthropic", "openai", "openrouter");
    assertThat(response.providers().get("anthropic"))
        .isEqualTo(
            new ProviderStatus(
                true,
                AuthMethod.OAUTH,
                "Anthropic",
                "stored",
                null,
                Instant.parse("2026-01-01T14:30:15Z")));
    assertThat(response.providers().get("openai"))
        .isEqualTo(new ProviderStatus(false, AuthMethod.NONE, "OpenAI", null, null, null));
    assertThat(response.statusOf(Provider.OPENROUTER))
        .contains(
            new ProviderStatus(
                true, AuthMethod.API_KEY, "OpenRouter", "environment", "sk-or-v1-…a9F2", null));
  }

  @Test
  void getAuthStatusKeepsUnknownProvider() {
    server.enqueue(
        json(
            200,
            "{\"providers\":{"
                + "\"anthropic\":{\"authenticated\":false,\"auth_method\":\"none\","
                + "\"display_name\":\"Anthropic\"},"
                + "\"gemini\":{\"authenticated\":true,\"auth_method\":\"service_account\","
                + "\"display_name\":\"Gemini\",\"quota\":{\"left\":5}}},"
                + "\"server_version\":\"2.0\"}"));

    GetAuthStatusResponse response = mix.authentication().getAuthStatus();

    assertThat(response.providers()).containsOnlyKeys("anthropic", "gemini");
    ProviderStatus gemini = response.providers().get("gemini");
    assertThat(gemini.authenticated()).isTrue();
    assertThat(gemini.authMethod()).isEqualTo(AuthMethod.UNKNOWN);
    assertThat(gemini.displayName()).isEqualTo("Gemini");
    assertThat(Provider.fromValue("gemini")).isEmpty();
    assertThat(response.statusOf(Provider.OPENAI)).isEmpty();
  }

  @Test
  void validatePreferredProviderParsesVerdict() {
    server.enqueue(
        json(
            200,
            "{\"valid\":false,\"provider\":\"openai\",\"auth_method\":\"none\","
                + "\"message\":\"Store an OpenAI key first.\"}"));

    ValidatePreferredProviderResponse response = mix.authentication().validatePreferredProvider();

    FakeServer.Request request = server.onlyRequest();
    assertThat(request.method()).isEqualTo("GET");
    assertThat(request.path()).isEqualTo("/api/auth/validate");
    assertThat(response)
        .isEqualTo(
            new ValidatePreferredProviderResponse(
                false, "openai", AuthMethod.NONE, "Store an OpenAI key first."));
  }

  @Test
  void deleteCredentialsUsesDeleteMethod() {
    server.enqueue(
        json(200, "{\"status\":\"success\",\"provider\":\"openai\",\"message\":\"Deleted.\"}"));

    DeleteCredentialsResponse response = mix.authentication().deleteCredentials("openai");

    FakeServer.Request request = server.onlyRequest();
    assertThat(request.method()).isEqualTo("DELETE");
    assertThat(request.path()).isEqualTo("/api/auth/openai");
    assertThat(request.body()).isEmpty();
    assertThat(response).isEqualTo(new DeleteCredentialsResponse("success", "openai", "Deleted."));
  }

  @Test
  void getOAuthHealthParsesProviders() {
    server.enqueue(
        json(
            200,
            "{\"status\":\"healthy\",\"timestamp\":\"2026-01-01T12:00:00Z\","
                + "\"providers\":{\"anthropic\":{\"provider\":\"anthropic\",\"status\":\"active\","
                + "\"expires_at\":\"2026-01-01T14:30:15+00:00\",\"expires_in\":\"2h30m15s\","
                + "\"last_refresh\":\"2026-01-01T11:00:00Z\"}}}"));

    OAuthHealthResponse response = mix.authentication().getOAuthHealth();

    FakeServer.Request request = server.onlyRequest();
    assertThat(request.method()).isEqualTo("GET");
    assertThat(request.path()).isEqualTo("/health/auth");
    assertThat(response.status()).isEqualTo("healthy");
    assertThat(response.timestamp()).isEqualTo(Instant.parse("2026-01-01T12:00:00Z"));
    assertThat(response.providers().get("anthropic"))
        .isEqualTo(
            new OAuthProviderHealth(
                "anthropic",
                "active",
                Instant.parse("2026-01-01T14:30:15Z"),
                "2h30m15s",
                Instant.parse("2026-01-01T11:00:00Z"),
                null));
  }

  @Test
  void refreshOAuthTokensPostsWithoutBody() {
    server.enqueue(json(200, "{\"status\":\"success\",\"message\":\"Refreshed 1 token.\"}"));

    RefreshOAuthTokensResponse response = mix.authentication().refreshOAuthTokens();

    FakeServer.Request request = server.onlyRequest();
    assertThat(request.method()).isEqualTo("POST");
    assertThat(request.path()).isEqualTo("/internal/auth/refresh-tokens");
    assertThat(request.body()).isEmpty();
    assertThat(response).isEqualTo(new RefreshOAuthTokensResponse("success", "Refreshed 1 token."));
  }
}
