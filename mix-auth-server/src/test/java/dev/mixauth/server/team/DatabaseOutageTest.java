package dev.mixauth.server.team;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.mixauth.fakes.FakeProviders;
import dev.mixauth.server.testing.ApiResponse;
import dev.mixauth.server.testing.Fakes;
import dev.mixauth.server.testing.TestPostgres;
import dev.mixauth.server.testing.TestServer;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Stops the database under a running replica and starts it again on the same port and data folder,
 * with a PostgreSQL server of this test's own so that other tests keep theirs.
 */
class DatabaseOutageTest {
  private static final String OPENROUTER_KEY = "sk-or-v1-0123456789abcdef0123456789a9F2";
  private static final String OPENAI_KEY = "sk-proj-AbCdEfGhIjKlMnOpQrStUvWxYz-0123";
  private static final String ANTHROPIC_KEY = "sk-ant-api03-AbCdEfGhIjKlMnOpQrStUvWxYz-9xQ2";

  @TempDir Path databaseDir;
  @TempDir Path dataDir;
  private EmbeddedPostgres database;
  private FakeProviders fakes;
  private TestServer server;

  @AfterEach
  void stop() throws IOException {
    if (server != null) {
      server.close();
    }
    if (fakes != null) {
      fakes.close();
    }
    if (database != null) {
      database.close();
    }
  }

  @Test
  void outageGives503ThenRecovers() throws IOException {
    int port;
    try (ServerSocket probe = new ServerSocket(0)) {
      port = probe.getLocalPort();
    }
    database = startDatabase(port);
    fakes = FakeProviders.start();
    Map<String, String> environment = new HashMap<>(Fakes.environment(fakes));
    environment.putAll(TestPostgres.teamEnvironment(TestPostgres.url(port, "postgres")));
    server = TestServer.start(dataDir, environment).authorize(TestPostgres.API_TOKEN);
    assertThat(storeKey("openrouter", OPENROUTER_KEY).status()).isEqualTo(200);
    ApiResponse login = server.post("/api/auth/oauth/anthropic", null);
    String pasted = Fakes.approve(login.text("auth_url"));

    database.close();
    database = null;
    long started = System.nanoTime();
    ApiResponse down = storeKey("openai", OPENAI_KEY);
    Duration waited = Duration.ofNanos(System.nanoTime() - started);
    ApiResponse statusWhileDown = server.get("/api/auth/status");
    // The first failures come from pooled connections that the shutdown closed. Once the pool has
    // dropped those, it has to open new connections, which the stopped server refuses.
    List<ApiResponse> stillDown = new ArrayList<>();
    List<Duration> waitedForPool = new ArrayList<>();
    while (stillDown.size() < 10
        && (stillDown.isEmpty() || !stillDown.get(stillDown.size() - 1).errorMessage().contains("refused"))) {
      started = System.nanoTime();
      stillDown.add(storeKey("openai", OPENAI_KEY));
      waitedForPool.add(Duration.ofNanos(System.nanoTime() - started));
    }

    assertThat(down.status()).as(down.body()).isEqualTo(503);
    assertThat(down.errorType()).isEqualTo("internal_error");
    assertThat(down.errorMessage())
        .contains("Could not store the credential of openai: the PostgreSQL database 127.0.0.1:" + port)
        .contains("is unreachable")
        .contains("retry shortly");
    assertThat(waited).isLessThan(Duration.ofSeconds(10));
    assertThat(stillDown).extracting(ApiResponse::status).containsOnly(503);
    assertThat(stillDown.get(stillDown.size() - 1).errorMessage())
        .contains("is unreachable")
        .contains("Connection to 127.0.0.1:" + port + " refused");
    assertThat(waitedForPool).allMatch(wait -> wait.compareTo(Duration.ofSeconds(10)) < 0, "under 10 s");
    assertThat(statusWhileDown.status()).as("status is served from memory").isEqualTo(200);
    assertThat(server.post("/api/auth/oauth-callback", Map.of("provider", "anthropic", "code", pasted)).status())
        .isEqualTo(503);

    database = startDatabase(port);
    await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500))
        .until(() -> storeKey("anthropic", ANTHROPIC_KEY).status() == 200);
    ApiResponse loginAfter = server.post("/api/auth/oauth-callback", Map.of("provider", "anthropic", "code", pasted));

    assertThat(loginAfter.status()).as(loginAfter.body()).isEqualTo(200);
    server.restart();
    var providers = server.get("/api/auth/status").json().path("providers");
    assertThat(providers.path("openrouter").path("authenticated").asBoolean()).as("stored before").isTrue();
    assertThat(providers.path("anthropic").path("auth_method").asText()).as("signed in after").isEqualTo("oauth");
    assertThat(providers.path("openai").path("authenticated").asBoolean()).as("failed while down").isFalse();
  }

  private ApiResponse storeKey(String provider, String key) {
    return server.post("/api/auth/api-key", Map.of("api_key", key, "provider", provider));
  }

  private EmbeddedPostgres startDatabase(int port) throws IOException {
    return EmbeddedPostgres.builder()
        .setServerConfig("listen_addresses", "127.0.0.1")
        .setPort(port)
        .setDataDirectory(databaseDir)
        .setCleanDataDirectory(false)
        .start();
  }
}
