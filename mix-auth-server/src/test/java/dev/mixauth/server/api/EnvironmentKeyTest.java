package dev.mixauth.server.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mixauth.server.testing.ApiResponse;
import dev.mixauth.server.testing.TestServer;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EnvironmentKeyTest {
  private static final String ENV_KEY = "sk-ant-api03-FromTheEnvironment-abcd1234";
  private static final String STORED_KEY = "sk-ant-api03-StoredThroughTheApi-wxyz9xQ2";

  @TempDir Path dataDir;

  @Test
  void environmentKeyCountsWithLowestPrecedence() {
    try (TestServer server = TestServer.start(dataDir, Map.of("ANTHROPIC_API_KEY", ENV_KEY))) {
      var before = server.get("/api/auth/status").json().path("providers").path("anthropic");
      assertThat(before.path("authenticated").asBoolean()).isTrue();
      assertThat(before.path("source").asText()).isEqualTo("environment");
      assertThat(before.path("key_hint").asText()).isEqualTo("sk-ant-api03-…1234");

      server.post("/api/auth/api-key", Map.of("api_key", STORED_KEY, "provider", "anthropic"));

      var after = server.get("/api/auth/status").json().path("providers").path("anthropic");
      assertThat(after.path("source").asText()).isEqualTo("stored");
      assertThat(after.path("key_hint").asText()).isEqualTo("sk-ant-api03-…9xQ2");
    }
  }

  @Test
  void environmentKeyCannotBeDeleted() {
    try (TestServer server = TestServer.start(dataDir, Map.of("ANTHROPIC_API_KEY", ENV_KEY))) {
      ApiResponse response = server.delete("/api/auth/anthropic");

      assertThat(response.status()).isEqualTo(400);
      assertThat(response.errorMessage())
          .contains("ANTHROPIC_API_KEY environment variable, which this server cannot delete");
      assertThat(response.body()).doesNotContain(ENV_KEY);
    }
  }

  @Test
  void deletingStoredKeySaysEnvironmentKeyRemains() {
    try (TestServer server = TestServer.start(dataDir, Map.of("ANTHROPIC_API_KEY", ENV_KEY))) {
      server.post("/api/auth/api-key", Map.of("api_key", STORED_KEY, "provider", "anthropic"));

      ApiResponse response = server.delete("/api/auth/anthropic");

      assertThat(response.status()).isEqualTo(200);
      assertThat(response.text("message")).contains("The API key from ANTHROPIC_API_KEY still applies");
      assertThat(server.get("/api/auth/status").json().path("providers").path("anthropic").path("source").asText())
          .isEqualTo("environment");
    }
  }

  @Test
  void validateUsesEnvironmentKey() {
    try (TestServer server = TestServer.start(dataDir, Map.of("ANTHROPIC_API_KEY", ENV_KEY))) {
      ApiResponse response = server.get("/api/auth/validate");

      assertThat(response.json().path("valid").asBoolean()).isTrue();
      assertThat(response.text("provider")).isEqualTo("anthropic");
      assertThat(response.text("auth_method")).isEqualTo("api_key");
      assertThat(response.text("message")).contains("ANTHROPIC_API_KEY");
    }
  }
}
