package dev.mixauth.server.auth;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mixauth.fakes.Endpoint;
import dev.mixauth.fakes.Failure;
import dev.mixauth.fakes.FakeProviders;
import dev.mixauth.server.testing.ApiResponse;
import dev.mixauth.server.testing.Fakes;
import dev.mixauth.server.testing.TestServer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SetApiKeyTest {
  private static final String GOOD_KEY = "sk-ant-api03-GoodKeyAcceptedByTheFake-0001";
  private static final String BAD_KEY = "sk-ant-api03-KeyTheProviderDoesNotKnow-0002";

  @TempDir Path dataDir;
  private FakeProviders fakes;
  private TestServer server;

  @BeforeEach
  void start() {
    fakes = FakeProviders.start();
    fakes.acceptApiKey("anthropic", GOOD_KEY);
    fakes.acceptApiKey("openrouter", "sk-or-v1-GoodOpenRouterKey-0123456789");
    server = TestServer.start(dataDir, Fakes.environment(fakes));
  }

  @AfterEach
  void stop() {
    server.close();
    fakes.close();
  }

  private boolean authenticated(String provider) {
    return server.get("/api/auth/status").json().path("providers").path(provider).path("authenticated").asBoolean();
  }

  @Test
  void acceptedKeyIsStoredForDefaultProvider() {
    ApiResponse response = server.post("/api/auth/apikey", Map.of("apiKey", GOOD_KEY));

    assertThat(response.status()).isEqualTo(200);
    assertThat(response.json().path("success").asBoolean()).isTrue();
    assertThat(authenticated("anthropic")).isTrue();
    var check = fakes.lastRequest(Endpoint.ANTHROPIC_MODELS).orElseThrow();
    assertThat(check.header("anthropic-version")).hasValue("2023-06-01");
  }

  @Test
  void keyIsCheckedWithPreferredProvider() {
    server.post("/api/preferences", Map.of("preferred_provider", "openrouter"));

    ApiResponse response = server.post("/api/auth/apikey", Map.of("apiKey", "sk-or-v1-GoodOpenRouterKey-0123456789"));

    assertThat(response.status()).isEqualTo(200);
    assertThat(authenticated("openrouter")).isTrue();
    assertThat(fakes.requestCount(Endpoint.OPENROUTER_KEY)).isEqualTo(1);
  }

  @Test
  void rejectedKeyIs401AndNotStored() {
    ApiResponse response = server.post("/api/auth/apikey", Map.of("apiKey", BAD_KEY));

    assertThat(response.status()).isEqualTo(401);
    assertThat(response.errorType()).isEqualTo("unauthorized");
    assertThat(response.errorMessage()).contains("Anthropic rejected the API key sk-ant-api03-…0002");
    assertThat(response.body()).doesNotContain(BAD_KEY);
    assertThat(authenticated("anthropic")).isFalse();
  }

  @Test
  void unreachableProviderIs502AndNotStored() {
    Failure[] failures = {Failure.serverError(503), Failure.htmlPage(), Failure.slow(Duration.ofSeconds(3)),
        Failure.dropConnection()};
    for (Failure failure : failures) {
      // failAlways, because the JDK client repeats a GET once when its connection drops.
      fakes.failAlways(Endpoint.ANTHROPIC_MODELS, failure);

      ApiResponse response = server.post("/api/auth/apikey", Map.of("apiKey", GOOD_KEY));
      fakes.clearFailures();

      assertThat(response.status()).as(failure.toString()).isEqualTo(502);
      assertThat(response.errorMessage()).contains("Could not check the API key with Anthropic")
          .contains("Nothing was stored");
      assertThat(authenticated("anthropic")).as(failure.toString()).isFalse();
    }
  }

  @Test
  void malformedKeyIs400BeforeAnyCheck() {
    ApiResponse response = server.post("/api/auth/apikey", Map.of("apiKey", "sk-or-v1-0123456789abcdef0123456789a9F2"));

    assertThat(response.status()).isEqualTo(400);
    assertThat(response.errorMessage()).startsWith("apiKey looks like an OpenRouter key");
    assertThat(fakes.requestCount(Endpoint.ANTHROPIC_MODELS)).isZero();
  }

  @Test
  void failedSetKeepsPreviousKey() {
    server.post("/api/auth/apikey", Map.of("apiKey", GOOD_KEY));

    server.post("/api/auth/apikey", Map.of("apiKey", BAD_KEY));

    assertThat(server.get("/api/auth/status").json().path("providers").path("anthropic").path("key_hint").asText())
        .isEqualTo("sk-ant-api03-…0001");
  }
}
