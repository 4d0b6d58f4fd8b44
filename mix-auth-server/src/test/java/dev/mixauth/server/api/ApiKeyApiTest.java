package dev.mixauth.server.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mixauth.server.testing.ApiResponse;
import dev.mixauth.server.testing.TestServer;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ApiKeyApiTest {
  private static final String OPENROUTER_KEY = "sk-or-v1-0123456789abcdef0123456789a9F2";
  private static final String ANTHROPIC_KEY = "sk-ant-api03-AbCdEfGhIjKlMnOpQrSt-9xQ2";

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
  void storeApiKeyThenStatusShowsHint() {
    ApiResponse stored = server.post("/api/auth/api-key", Map.of("api_key", OPENROUTER_KEY, "provider", "openrouter"));

    assertThat(stored.status()).isEqualTo(200);
    assertThat(stored.text("status")).isEqualTo("success");
    assertThat(stored.text("provider")).isEqualTo("openrouter");
    assertThat(stored.body()).doesNotContain(OPENROUTER_KEY);

    ApiResponse status = server.get("/api/auth/status");
    var entry = status.json().path("providers").path("openrouter");
    assertThat(entry.path("authenticated").asBoolean()).isTrue();
    assertThat(entry.path("auth_method").asText()).isEqualTo("api_key");
    assertThat(entry.path("display_name").asText()).isEqualTo("OpenRouter");
    assertThat(entry.path("source").asText()).isEqualTo("stored");
    assertThat(entry.path("key_hint").asText()).isEqualTo("sk-or-v1-…a9F2");
    assertThat(status.body()).doesNotContain(OPENROUTER_KEY);
  }

  @Test
  void statusListsEveryProviderAsNone() {
    ApiResponse status = server.get("/api/auth/status");

    assertThat(status.json().path("providers").size()).isEqualTo(3);
    for (String provider : new String[] {"anthropic", "openai", "openrouter"}) {
      var entry = status.json().path("providers").path(provider);
      assertThat(entry.path("authenticated").asBoolean()).as(provider).isFalse();
      assertThat(entry.path("auth_method").asText()).as(provider).isEqualTo("none");
      assertThat(entry.has("source")).as(provider).isFalse();
    }
  }

  @Test
  void pastedKeyIsTrimmedBeforeStoring() {
    server.post("/api/auth/api-key", Map.of("api_key", "  \"" + ANTHROPIC_KEY + "\"\r\n", "provider", "anthropic"));

    ApiResponse status = server.get("/api/auth/status");
    assertThat(status.json().path("providers").path("anthropic").path("key_hint").asText())
        .isEqualTo("sk-ant-api03-…9xQ2");
  }

  @Test
  void malformedKeysAreRejectedWithoutEcho() {
    String[] bad = {"", ANTHROPIC_KEY + " " + ANTHROPIC_KEY, ANTHROPIC_KEY + "\u200b", "sk-q7"};
    for (String key : bad) {
      ApiResponse response = server.post("/api/auth/api-key", Map.of("api_key", key, "provider", "anthropic"));

      assertThat(response.status()).as(key).isEqualTo(400);
      assertThat(response.errorType()).isEqualTo("validation_error");
      assertThat(response.errorMessage()).as(key).startsWith("api_key ");
      if (!key.isEmpty()) {
        assertThat(response.body()).doesNotContain(key.strip());
      }
    }
    assertThat(server.get("/api/auth/status").json().path("providers").path("anthropic").path("authenticated").asBoolean())
        .isFalse();
  }

  @Test
  void wrongKindOfCredentialIsRejected() {
    ApiResponse oauthToken =
        server.post("/api/auth/api-key", Map.of("api_key", "sk-ant-oat01-abcdefghijklmnopqrstuvwx", "provider", "anthropic"));
    ApiResponse openRouter = server.post("/api/auth/api-key", Map.of("api_key", OPENROUTER_KEY, "provider", "anthropic"));
    ApiResponse real = server.post("/api/auth/api-key", Map.of("api_key", ANTHROPIC_KEY, "provider", "anthropic"));

    assertThat(oauthToken.status()).isEqualTo(400);
    assertThat(oauthToken.errorMessage()).contains("OAuth access token").contains("/api/auth/oauth/anthropic");
    assertThat(openRouter.status()).isEqualTo(400);
    assertThat(openRouter.errorMessage()).contains("looks like an OpenRouter key");
    assertThat(real.status()).isEqualTo(200);
  }

  @Test
  void missingFieldsAndUnknownProvider() {
    ApiResponse noProvider = server.post("/api/auth/api-key", Map.of("api_key", ANTHROPIC_KEY));
    ApiResponse noKey = server.post("/api/auth/api-key", Map.of("provider", "anthropic"));
    ApiResponse typo = server.post("/api/auth/api-key", Map.of("api_key", ANTHROPIC_KEY, "provider", "anthropc"));

    assertThat(noProvider.status()).isEqualTo(400);
    assertThat(noProvider.errorMessage()).isEqualTo("provider is required.");
    assertThat(noKey.errorMessage()).isEqualTo("api_key is required.");
    assertThat(typo.status()).isEqualTo(400);
    assertThat(typo.errorMessage()).contains("did you mean \"anthropic\"").contains("anthropic, openai, openrouter");
  }

  @Test
  void failedStoreKeepsPreviousKey() {
    server.post("/api/auth/api-key", Map.of("api_key", OPENROUTER_KEY, "provider", "openrouter"));

    server.post("/api/auth/api-key", Map.of("api_key", "sk-or-v1-with space inside 1234567", "provider", "openrouter"));

    assertThat(server.get("/api/auth/status").json().path("providers").path("openrouter").path("key_hint").asText())
        .isEqualTo("sk-or-v1-…a9F2");
  }

  @Test
  void deleteRemovesStoredKey() {
    server.post("/api/auth/api-key", Map.of("api_key", OPENROUTER_KEY, "provider", "openrouter"));

    ApiResponse deleted = server.delete("/api/auth/openrouter");

    assertThat(deleted.status()).isEqualTo(200);
    assertThat(deleted.text("status")).isEqualTo("success");
    assertThat(deleted.text("message")).isEqualTo("Deleted the stored credentials for OpenRouter.");
    assertThat(server.get("/api/auth/status").json().path("providers").path("openrouter").path("authenticated").asBoolean())
        .isFalse();
  }

  @Test
  void deleteUnknownProviderIs400() {
    ApiResponse response = server.delete("/api/auth/gemini");

    assertThat(response.status()).isEqualTo(400);
    assertThat(response.errorMessage()).contains("\"gemini\" is not a supported provider");
  }

  @Test
  void deleteWithNothingStoredSucceeds() {
    ApiResponse response = server.delete("/api/auth/openai");

    assertThat(response.status()).isEqualTo(200);
    assertThat(response.text("message")).isEqualTo("No stored credentials for OpenAI; nothing to delete.");
  }
}
