package dev.mixauth.server.oauth;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mixauth.server.testing.ApiResponse;
import dev.mixauth.server.testing.TestServer;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AnthropicSwitchTest {
  @TempDir Path dataDir;

  @Test
  void anthropicOAuthIsOffByDefault() {
    try (TestServer server = TestServer.start(dataDir, Map.of())) {
      ApiResponse start = server.post("/api/auth/oauth/anthropic", null);
      ApiResponse login = server.post("/api/auth/login", null);

      assertThat(start.status()).isEqualTo(400);
      assertThat(start.errorMessage()).contains("Anthropic OAuth sign-in is turned off")
          .contains("MIX_AUTH_ANTHROPIC_OAUTH=enabled");
      assertThat(login.status()).isEqualTo(400);
      assertThat(login.errorMessage()).isEqualTo(start.errorMessage());
    }
  }
}
