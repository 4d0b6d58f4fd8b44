package dev.mixauth.sdk;

import static dev.mixauth.sdk.FakeServer.json;
import static org.assertj.core.api.Assertions.assertThat;

import dev.mixauth.sdk.models.AvailableProvider;
import dev.mixauth.sdk.models.GetPreferencesResponse;
import dev.mixauth.sdk.models.HealthCheckResponse;
import dev.mixauth.sdk.models.Provider;
import dev.mixauth.sdk.models.UpdatePreferencesRequest;
import dev.mixauth.sdk.models.UserPreferences;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class PreferencesTest {

  static final String PREFERENCES_JSON =
      "{\"preferred_provider\":\"anthropic\",\"main_agent_model\":\"claude-sonnet-4\","
          + "\"main_agent_max_tokens\":8192,\"main_agent_reasoning_effort\":\"medium\","
          + "\"sub_agent_model\":\"claude-haiku-4\",\"sub_agent_max_tokens\":4096,"
          + "\"sub_agent_reasoning_effort\":\"low\",\"created_at\":1767268800,"
          + "\"updated_at\":1767272400}";

  static final UserPreferences PREFERENCES =
      new UserPreferences(
          "anthropic",
          "claude-sonnet-4",
          8192,
          "medium",
          "claude-haiku-4",
          4096,
          "low",
          1767268800L,
          1767272400L);

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
  void getPreferencesParsesStoredPreferences() {
    server.enqueue(
        json(
            200,
            "{\"preferences\":"
                + PREFERENCES_JSON
                + ",\"available_providers\":{\"anthropic\":{\"display_name\":\"Anthropic\","
                + "\"models\":[\"claude-sonnet-4\",\"claude-haiku-4\"]}}}"));

    GetPreferencesResponse response = mix.preferences().getPreferences();

    FakeServer.Request request = server.onlyRequest();
    assertThat(request.method()).isEqualTo("GET");
    assertThat(request.path()).isEqualTo("/api/preferences");
    assertThat(response.preferences()).isEqualTo(PREFERENCES);
    assertThat(response.availableProviders())
        .containsExactly(
            Map.entry(
                "anthropic",
                new AvailableProvider("Anthropic", List.of("claude-sonnet-4", "claude-haiku-4"))));
  }

  @Test
  void getPreferencesAcceptsNullPreferences() {
    server.enqueue(json(200, "{\"preferences\":null,\"available_providers\":{}}"));

    GetPreferencesResponse response = mix.preferences().getPreferences();

    assertThat(response.preferences()).isNull();
    assertThat(response.storedPreferences()).isEmpty();
    assertThat(response.availableProviders()).isEmpty();
  }

  @Test
  void updatePreferencesSendsOnlySetFields() {
    server.enqueue(json(200, PREFERENCES_JSON));
    UpdatePreferencesRequest update =
        UpdatePreferencesRequest.builder()
            .preferredProvider(Provider.ANTHROPIC)
            .mainAgentMaxTokens(8192)
            .build();

    UserPreferences response = mix.preferences().updatePreferences(update);

    FakeServer.Request request = server.onlyRequest();
    assertThat(request.method()).isEqualTo("POST");
    assertThat(request.path()).isEqualTo("/api/preferences");
    assertThat(request.body())
        .isEqualTo("{\"preferred_provider\":\"anthropic\",\"main_agent_max_tokens\":8192}");
    assertThat(response).isEqualTo(PREFERENCES);
  }

  @Test
  void getAvailableProvidersParsesMap() {
    server.enqueue(
        json(
            200,
            "{\"openai\":{\"display_name\":\"OpenAI\",\"models\":[\"gpt-5\"]},"
                + "\"gemini\":{\"display_name\":\"Gemini\",\"models\":[]}}"));

    Map<String, AvailableProvider> response = mix.preferences().getAvailableProviders();

    FakeServer.Request request = server.onlyRequest();
    assertThat(request.method()).isEqualTo("GET");
    assertThat(request.path()).isEqualTo("/api/preferences/providers");
    assertThat(response)
        .containsOnly(
            Map.entry("openai", new AvailableProvider("OpenAI", List.of("gpt-5"))),
            Map.entry("gemini", new AvailableProvider("Gemini", List.of())));
  }

  @Test
  void resetPreferencesPostsWithoutBody() {
    server.enqueue(json(200, PREFERENCES_JSON));

    UserPreferences response = mix.preferences().resetPreferences();

    FakeServer.Request request = server.onlyRequest();
    assertThat(request.method()).isEqualTo("POST");
    assertThat(request.path()).isEqualTo("/api/preferences/reset");
    assertThat(request.body()).isEmpty();
    assertThat(response).isEqualTo(PREFERENCES);
  }

  @Test
  void healthCheckParsesStatus() {
    server.enqueue(
        json(
            200,
            "{\"status\":\"ok\",\"timestamp\":\"2026-01-01T12:00:00Z\",\"version\":\"0.1.0\"}"));

    HealthCheckResponse response = mix.health().healthCheck();

    FakeServer.Request request = server.onlyRequest();
    assertThat(request.method()).isEqualTo("GET");
    assertThat(request.path()).isEqualTo("/health");
    assertThat(response)
        .isEqualTo(new HealthCheckResponse("ok", Instant.parse("2026-01-01T12:00:00Z"), "0.1.0"));
  }
}
