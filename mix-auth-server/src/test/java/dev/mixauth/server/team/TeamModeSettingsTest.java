package dev.mixauth.server.team;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mixauth.server.config.ConfigException;
import dev.mixauth.server.testing.ApiResponse;
import dev.mixauth.server.testing.TestPostgres;
import dev.mixauth.server.testing.TestServer;
import dev.mixauth.server.vault.StoreException;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What team mode requires before it starts, and the token it then demands on every request. */
class TeamModeSettingsTest {
  private static final String OPENROUTER_KEY = "sk-or-v1-0123456789abcdef0123456789a9F2";

  @TempDir Path dataDir;

  @Test
  void startWithoutApiTokenIsRefused() throws IOException {
    Map<String, String> environment = TestPostgres.teamEnvironment(unreachableUrl());
    environment.remove("MIX_AUTH_API_TOKEN");

    assertThatThrownBy(() -> TestServer.start(dataDir, environment))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("Team mode (MIX_AUTH_DATABASE_URL is set) requires MIX_AUTH_API_TOKEN")
        .hasMessageContaining("anyone who reaches one could read and change the team's credentials");
  }

  @Test
  void startWithoutMasterKeyIsRefused() throws IOException {
    Map<String, String> environment = TestPostgres.teamEnvironment(unreachableUrl());
    environment.remove("MIX_AUTH_MASTER_KEY");

    assertThatThrownBy(() -> TestServer.start(dataDir, environment))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("requires MIX_AUTH_MASTER_KEY")
        .hasMessageContaining("same Tink JSON keyset on every replica");
  }

  @Test
  void nonJdbcDatabaseUrlIsRefused() {
    Map<String, String> environment = TestPostgres.teamEnvironment("postgres://127.0.0.1:5432/mixauth");

    assertThatThrownBy(() -> TestServer.start(dataDir, environment))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("MIX_AUTH_DATABASE_URL must be a PostgreSQL JDBC URL")
        .hasMessageContaining("jdbc:postgresql:");
  }

  @Test
  void unreachableDatabaseStopsStartup() throws IOException {
    String url = unreachableUrl();
    Map<String, String> environment = TestPostgres.teamEnvironment(url);

    assertThatThrownBy(() -> TestServer.start(dataDir, environment))
        .isInstanceOf(StoreException.class)
        .hasMessageContaining("Cannot connect to the PostgreSQL database " + url.substring("jdbc:postgresql://".length()))
        .hasMessageContaining("Check MIX_AUTH_DATABASE_URL");
  }

  @Test
  void requestsWithoutTokenAre401() {
    try (TestServer server = TestServer.start(dataDir, TestPostgres.teamEnvironment(TestPostgres.newDatabase()))) {
      ApiResponse none = server.get("/api/auth/status");
      ApiResponse wrong = server.send("GET", "/api/auth/status", null, Map.of("Authorization", "Bearer wrong"));
      ApiResponse store = server.post("/api/auth/api-key", Map.of("api_key", OPENROUTER_KEY, "provider", "openrouter"));
      ApiResponse health = server.get("/health");

      assertThat(none.status()).isEqualTo(401);
      assertThat(none.errorType()).isEqualTo("unauthorized");
      assertThat(none.errorMessage()).contains("Authorization: Bearer");
      assertThat(wrong.status()).isEqualTo(401);
      assertThat(store.status()).isEqualTo(401);
      assertThat(health.status()).isEqualTo(200);
      server.authorize(TestPostgres.API_TOKEN);
      assertThat(server.get("/api/auth/status").json().path("providers").path("openrouter").path("authenticated")
          .asBoolean()).isFalse();
    }
  }

  @Test
  void teamModeLeavesDataFolderAlone() {
    Path unused = dataDir.resolve("unused");

    try (TestServer server = TestServer.start(unused, TestPostgres.teamEnvironment(TestPostgres.newDatabase()))) {
      server.authorize(TestPostgres.API_TOKEN);
      assertThat(server.post("/api/auth/api-key", Map.of("api_key", OPENROUTER_KEY, "provider", "openrouter")).status())
          .isEqualTo(200);
    }

    assertThat(unused).doesNotExist();
  }

  /** Returns a JDBC URL on a loopback port where nothing listens. */
  private static String unreachableUrl() throws IOException {
    try (ServerSocket probe = new ServerSocket(0)) {
      return TestPostgres.url(probe.getLocalPort(), "mixauth");
    }
  }
}
