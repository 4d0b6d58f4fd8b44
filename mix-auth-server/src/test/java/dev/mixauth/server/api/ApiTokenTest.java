package dev.mixauth.server.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mixauth.server.config.ConfigException;
import dev.mixauth.server.testing.ApiResponse;
import dev.mixauth.server.testing.TestServer;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ApiTokenTest {
  private static final String TOKEN = "team-token-0123456789abcdef";

  @TempDir Path dataDir;

  @Test
  void tokenIsRequiredWhenConfigured() {
    try (TestServer server = TestServer.start(dataDir, Map.of("MIX_AUTH_API_TOKEN", TOKEN))) {
      ApiResponse none = server.get("/api/auth/status");
      ApiResponse wrong = server.send("GET", "/api/auth/status", null, Map.of("Authorization", "Bearer nope"));
      ApiResponse right = server.send("GET", "/api/auth/status", null, Map.of("Authorization", "Bearer " + TOKEN));

      assertThat(none.status()).isEqualTo(401);
      assertThat(none.errorType()).isEqualTo("unauthorized");
      assertThat(none.errorMessage()).contains("Authorization: Bearer");
      assertThat(wrong.status()).isEqualTo(401);
      assertThat(wrong.body()).doesNotContain(TOKEN);
      assertThat(right.status()).isEqualTo(200);
    }
  }

  @Test
  void repeatedWrongTokensAreRateLimited() {
    try (TestServer server = TestServer.start(dataDir, Map.of("MIX_AUTH_API_TOKEN", TOKEN))) {
      for (int i = 0; i < 10; i++) {
        assertThat(server.send("GET", "/api/auth/status", null, Map.of("Authorization", "Bearer guess-" + i)).status())
            .isEqualTo(401);
      }

      ApiResponse blocked = server.send("GET", "/api/auth/status", null, Map.of("Authorization", "Bearer " + TOKEN));
      server.clock().advance(java.time.Duration.ofSeconds(61));
      ApiResponse later = server.send("GET", "/api/auth/status", null, Map.of("Authorization", "Bearer " + TOKEN));

      assertThat(blocked.status()).isEqualTo(429);
      assertThat(blocked.errorMessage()).contains("Too many requests with a wrong API token");
      assertThat(blocked.headers().firstValue("Retry-After")).isPresent();
      assertThat(later.status()).isEqualTo(200);
    }
  }

  @Test
  void healthStaysOpenForProbes() {
    try (TestServer server = TestServer.start(dataDir, Map.of("MIX_AUTH_API_TOKEN", TOKEN))) {
      assertThat(server.get("/health").status()).isEqualTo(200);
    }
  }

  @Test
  void nonLoopbackBindWithoutTokenIsRefused() {
    assertThatThrownBy(() -> TestServer.start(dataDir, Map.of("MIX_AUTH_HOST", "0.0.0.0")))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("Refusing to listen on 0.0.0.0 without an API token")
        .hasMessageContaining("MIX_AUTH_API_TOKEN");
  }
}
