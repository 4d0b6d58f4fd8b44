package dev.mixauth.server.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mixauth.server.testing.ApiResponse;
import dev.mixauth.server.testing.TestServer;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PreferencesApiTest {
  @TempDir Path dataDir;
  private TestServer server;

  @BeforeEach
  void start() {
    server = TestServer.start(dataDir, Map.of());
  }

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  void preferencesAreNullUntilSet() {
    ApiResponse response = server.get("/api/preferences");

    assertThat(response.json().has("preferences")).isTrue();
    assertThat(response.json().path("preferences").isNull()).isTrue();
    assertThat(response.json().path("available_providers").path("anthropic").path("display_name").asText())
        .isEqualTo("Anthropic");
  }

  @Test
  void updateSetsOnlyGivenFields() {
    ApiResponse first = server.post("/api/preferences", Map.of("preferred_provider", "openai"));
    ApiResponse second = server.post("/api/preferences", Map.of("sub_agent_max_tokens", 1000));

    assertThat(first.text("preferred_provider")).isEqualTo("openai");
    assertThat(second.text("preferred_provider")).isEqualTo("openai");
    assertThat(second.json().path("sub_agent_max_tokens").asInt()).isEqualTo(1000);
    assertThat(second.json().path("created_at").asLong()).isPositive();
  }

  @Test
  void providerNameTyposAreRejectedWithClosestMatch() {
    server.post("/api/preferences", Map.of("preferred_provider", "openrouter"));
    Map<String, String> cases = Map.of(
        "anthropc", "did you mean \"anthropic\"",
        "Anthropic", "did you mean \"anthropic\"",
        " openai ", "did you mean \"openai\"",
        "", "preferred_provider is required");
    cases.forEach((value, expected) -> {
      ApiResponse response = server.post("/api/preferences", Map.of("preferred_provider", value));

      assertThat(response.status()).as(value).isEqualTo(400);
      assertThat(response.errorMessage()).as(value).contains(expected).contains("anthropic, openai, openrouter");
    });

    Map<String, Object> explicitNull = new HashMap<>();
    explicitNull.put("preferred_provider", null);
    ApiResponse nullValue = server.post("/api/preferences", explicitNull);
    assertThat(nullValue.status()).isEqualTo(400);
    assertThat(nullValue.errorMessage()).isEqualTo("preferred_provider must be a string, got null.");

    assertThat(server.get("/api/preferences").json().path("preferences").path("preferred_provider").asText())
        .isEqualTo("openrouter");
  }

  @Test
  void invalidValuesAreRejected() {
    ApiResponse tokens = server.post("/api/preferences", Map.of("main_agent_max_tokens", 0));
    ApiResponse effort = server.post("/api/preferences", Map.of("main_agent_reasoning_effort", "extreme"));
    ApiResponse unknown = server.post("/api/preferences", Map.of("theme", "dark"));

    assertThat(tokens.errorMessage()).isEqualTo("main_agent_max_tokens must be a whole number from 1 to 1000000, got 0.");
    assertThat(effort.errorMessage()).contains("main_agent_reasoning_effort must be one of minimal, low, medium, high");
    assertThat(unknown.status()).isEqualTo(400);
    assertThat(server.get("/api/preferences").json().path("preferences").isNull()).isTrue();
  }

  @Test
  void resetRestoresDefaults() {
    server.post("/api/preferences", Map.of("preferred_provider", "openai", "main_agent_model", "gpt-5"));

    ApiResponse reset = server.post("/api/preferences/reset", null);

    assertThat(reset.status()).isEqualTo(200);
    assertThat(reset.text("preferred_provider")).isEqualTo("anthropic");
    assertThat(reset.text("main_agent_model")).isEqualTo("claude-sonnet-4-5");
  }

  @Test
  void providersListsModels() {
    ApiResponse response = server.get("/api/preferences/providers");

    assertThat(response.json().fieldNames()).toIterable().containsExactly("anthropic", "openai", "openrouter");
    assertThat(response.json().path("openai").path("models").size()).isPositive();
  }

  @Test
  void validateFollowsPreferredProvider() {
    server.post("/api/preferences", Map.of("preferred_provider", "openrouter"));

    ApiResponse invalid = server.get("/api/auth/validate");
    server.post("/api/auth/api-key", Map.of("api_key", "sk-or-v1-0123456789abcdef0123456789a9F2", "provider", "openrouter"));
    ApiResponse valid = server.get("/api/auth/validate");

    assertThat(invalid.json().path("valid").asBoolean()).isFalse();
    assertThat(invalid.text("provider")).isEqualTo("openrouter");
    assertThat(invalid.text("auth_method")).isEqualTo("none");
    assertThat(invalid.text("message")).contains("OpenRouter has no credentials").contains("POST /api/auth/api-key");
    assertThat(valid.json().path("valid").asBoolean()).isTrue();
    assertThat(valid.text("auth_method")).isEqualTo("api_key");
  }
}
