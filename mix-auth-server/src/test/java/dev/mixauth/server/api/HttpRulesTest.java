package dev.mixauth.server.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mixauth.server.testing.ApiResponse;
import dev.mixauth.server.testing.TestServer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HttpRulesTest {
  private static final String KEY = "sk-or-v1-0123456789abcdef0123456789a9F2";

  @TempDir Path dataDir;
  private TestServer server;

  @BeforeEach
  void start() {
    server = TestServer.start(dataDir, Map.of("MIX_AUTH_ALLOWED_ORIGINS", "http://localhost:3000"));
  }

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  void unknownPathIs404WithEnvelope() {
    ApiResponse response = server.get("/api/nothing-here");

    assertThat(response.status()).isEqualTo(404);
    assertThat(response.errorType()).isEqualTo("not_found");
    assertThat(response.errorMessage()).isEqualTo("No endpoint at GET /api/nothing-here; GET /openapi.yaml lists the API.");
  }

  @Test
  void wrongMethodIs405WithEnvelope() {
    ApiResponse response = server.send("PUT", "/api/auth/status", null, Map.of());

    assertThat(response.status()).isEqualTo(405);
    assertThat(response.json().path("error").path("code").asInt()).isEqualTo(405);
    assertThat(response.errorMessage()).startsWith("PUT is not allowed on /api/auth/status");
  }

  @Test
  void bodyOver16KibIs413() {
    String big = "{\"provider\":\"openrouter\",\"api_key\":\"" + "a".repeat(17_000) + "\"}";

    ApiResponse response = server.postJson("/api/auth/api-key", big);

    assertThat(response.status()).isEqualTo(413);
    assertThat(response.errorMessage()).contains("limit of 16384 bytes");
  }

  @Test
  void nonJsonContentTypeIs415() {
    ApiResponse response = server.sendRaw("POST", "/api/auth/api-key",
        "api_key=x&provider=openrouter".getBytes(StandardCharsets.UTF_8),
        Map.of("Content-Type", "application/x-www-form-urlencoded"));

    assertThat(response.status()).isEqualTo(415);
    assertThat(response.errorMessage()).contains("send the body as application/json");
  }

  @Test
  void missingContentTypeIs415() {
    ApiResponse response = server.sendRaw("POST", "/api/auth/api-key",
        "{}".getBytes(StandardCharsets.UTF_8), Map.of());

    assertThat(response.status()).isEqualTo(415);
  }

  @Test
  void invalidJsonAndDuplicateKeysAre400() {
    ApiResponse broken = server.postJson("/api/auth/api-key", "{\"provider\": ");
    ApiResponse duplicate =
        server.postJson("/api/auth/api-key", "{\"provider\":\"openrouter\",\"provider\":\"anthropic\",\"api_key\":\"" + KEY + "\"}");
    ApiResponse array = server.postJson("/api/auth/api-key", "[1,2]");

    assertThat(broken.status()).isEqualTo(400);
    assertThat(broken.errorType()).isEqualTo("bad_request");
    assertThat(duplicate.status()).isEqualTo(400);
    assertThat(duplicate.errorMessage()).contains("Duplicate field 'provider'");
    assertThat(array.status()).isEqualTo(400);
    assertThat(array.errorMessage()).contains("must be a JSON object");
  }

  @Test
  void invalidUtf8Is400() {
    byte[] body = {'{', '"', 'a', '"', ':', '"', (byte) 0xC3, (byte) 0x28, '"', '}'};

    ApiResponse response = server.sendRaw("POST", "/api/auth/api-key", body, Map.of("Content-Type", "application/json"));

    assertThat(response.status()).isEqualTo(400);
    assertThat(response.errorMessage()).contains("not valid UTF-8");
  }

  @Test
  void wrongTypesAndUnknownFieldsNameTheField() {
    ApiResponse wrongType = server.postJson("/api/auth/api-key", "{\"provider\": 7, \"api_key\": \"" + KEY + "\"}");
    ApiResponse unknown =
        server.postJson("/api/auth/api-key", "{\"provider\":\"openrouter\",\"api_key\":\"" + KEY + "\",\"apikey\":\"x\"}");

    assertThat(wrongType.status()).isEqualTo(400);
    assertThat(wrongType.errorMessage()).isEqualTo("provider must be a string, got a number.");
    assertThat(unknown.status()).isEqualTo(400);
    assertThat(unknown.errorMessage()).isEqualTo("Unknown field \"apikey\"; this operation takes only api_key, provider.");
  }

  @Test
  void foreignHostIsRejected() {
    ApiResponse response = server.send("GET", "/api/auth/status", null, Map.of("Host", "evil.example:8088"));

    assertThat(response.status()).isEqualTo(421);
    assertThat(response.errorMessage()).contains("\"evil.example:8088\" is not served here");
  }

  @Test
  void loopbackHostNamesAreAccepted() {
    for (String host : new String[] {"localhost:8088", "127.0.0.1", "[::1]:8088", "LOCALHOST"}) {
      ApiResponse response = server.send("GET", "/api/auth/status", null, Map.of("Host", host));

      assertThat(response.status()).as(host).isEqualTo(200);
    }
  }

  @Test
  void foreignOriginIsRejectedAndAllowedOriginEchoed() {
    ApiResponse foreign = server.send("GET", "/api/auth/status", null, Map.of("Origin", "https://evil.example"));
    ApiResponse allowed = server.send("GET", "/api/auth/status", null, Map.of("Origin", "http://localhost:3000"));

    assertThat(foreign.status()).isEqualTo(403);
    assertThat(foreign.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
    assertThat(allowed.status()).isEqualTo(200);
    assertThat(allowed.headers().firstValue("Access-Control-Allow-Origin")).hasValue("http://localhost:3000");
  }

  @Test
  void foreignOriginCannotStoreKeys() {
    ApiResponse response = server.send("POST", "/api/auth/api-key", Map.of("api_key", KEY, "provider", "openrouter"),
        Map.of("Origin", "https://evil.example"));

    assertThat(response.status()).isEqualTo(403);
    assertThat(server.get("/api/auth/status").json().path("providers").path("openrouter").path("authenticated").asBoolean())
        .isFalse();
  }

  @Test
  void inputRejectionsAreAuditedWithinBudget() {
    for (int i = 0; i < 35; i++) {
      server.postJson("/api/auth/api-key", "{\"provider\": " + i);
    }

    try (var store = dev.mixauth.server.store.sqlite.SqliteCredentialStore.open(dataDir)) {
      var rejected = store.listAudit(100).stream().filter(e -> "rejected_input".equals(e.outcome())).toList();
      assertThat(rejected).hasSize(31);
      assertThat(rejected.get(0).detail()).contains("more than 30 rejected requests this minute");
      assertThat(rejected.get(1).detail()).isEqualTo("POST /api/auth/api-key: HTTP 400");
      assertThat(rejected.get(1).client()).isEqualTo("127.0.0.1");
    }
  }

  @Test
  void healthAndOpenApiAreServed() {
    ApiResponse health = server.get("/health");
    ApiResponse openApi = server.get("/openapi.yaml");

    assertThat(health.text("status")).isEqualTo("ok");
    assertThat(health.text("timestamp")).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ");
    assertThat(openApi.status()).isEqualTo(200);
    assertThat(openApi.body()).contains("operationId: storeApiKey");
  }
}
