package dev.mixauth.server.team;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mixauth.fakes.Endpoint;
import dev.mixauth.fakes.FakeProviders;
import dev.mixauth.fakes.Provider;
import dev.mixauth.server.testing.ApiResponse;
import dev.mixauth.server.testing.Fakes;
import dev.mixauth.server.testing.TestPostgres;
import dev.mixauth.server.testing.TestServer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Two replicas on ephemeral ports sharing one PostgreSQL database, as behind a load balancer. */
class TwoReplicasTest {
  private static final String OPENROUTER_KEY = "sk-or-v1-0123456789abcdef0123456789a9F2";
  private static final Duration CHANGE_VISIBLE = Duration.ofSeconds(5);

  @TempDir Path dataDirA;
  @TempDir Path dataDirB;
  private FakeProviders fakes;
  private TestServer replicaA;
  private TestServer replicaB;

  @BeforeEach
  void start() {
    fakes = FakeProviders.start();
    Map<String, String> environment = new HashMap<>(Fakes.environment(fakes));
    environment.putAll(TestPostgres.teamEnvironment(TestPostgres.newDatabase()));
    replicaA = TestServer.start(dataDirA, environment).authorize(TestPostgres.API_TOKEN);
    replicaB = TestServer.start(dataDirB, environment).authorize(TestPostgres.API_TOKEN);
  }

  @AfterEach
  void stop() {
    replicaA.close();
    replicaB.close();
    fakes.close();
  }

  @Test
  void loginCompletesOnOtherReplica() {
    ApiResponse started = replicaA.post("/api/auth/oauth/anthropic", null);
    assertThat(started.status()).as(started.body()).isEqualTo(200);
    String pasted = Fakes.approve(started.text("auth_url"));

    ApiResponse done = replicaB.post("/api/auth/oauth-callback", Map.of("provider", "anthropic", "code", pasted));
    ApiResponse retriedOnA = replicaA.post("/api/auth/oauth-callback", Map.of("provider", "anthropic", "code", pasted));

    assertThat(done.status()).as(done.body()).isEqualTo(200);
    assertThat(done.text("status")).isEqualTo("success");
    assertThat(retriedOnA.status()).as(retriedOnA.body()).isEqualTo(200);
    assertThat(fakes.successfulExchanges(Provider.ANTHROPIC)).isEqualTo(1);
    assertThat(fakes.requestCount(Endpoint.ANTHROPIC_TOKEN)).isEqualTo(1);
    assertThat(provider(replicaB, "anthropic").path("auth_method").asText()).isEqualTo("oauth");
    await("sign-in visible on replica A").atMost(CHANGE_VISIBLE)
        .until(() -> provider(replicaA, "anthropic").path("auth_method").asText().equals("oauth"));
  }

  @Test
  void bothReplicasRefreshingCauseOneRefresh() throws Exception {
    ApiResponse started = replicaA.post("/api/auth/oauth/anthropic", null);
    replicaA.post("/api/auth/oauth-callback", Map.of("provider", "anthropic", "code",
        Fakes.approve(started.text("auth_url"))));
    await("sign-in visible on replica B").atMost(CHANGE_VISIBLE)
        .until(() -> provider(replicaB, "anthropic").path("auth_method").asText().equals("oauth"));
    replicaA.clock().advance(Duration.ofHours(8));
    replicaB.clock().advance(Duration.ofHours(8));

    java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(10);
    java.util.concurrent.CountDownLatch go = new java.util.concurrent.CountDownLatch(1);
    java.util.List<java.util.concurrent.Future<ApiResponse>> calls = new java.util.ArrayList<>();
    for (int i = 0; i < 10; i++) {
      TestServer replica = i % 2 == 0 ? replicaA : replicaB;
      calls.add(pool.submit(() -> {
        go.await();
        return replica.post("/internal/auth/refresh-tokens", null);
      }));
    }
    go.countDown();
    for (java.util.concurrent.Future<ApiResponse> call : calls) {
      assertThat(call.get().status()).isEqualTo(200);
    }
    pool.shutdown();

    assertThat(fakes.successfulRefreshes(Provider.ANTHROPIC)).isEqualTo(1);
    assertThat(fakes.requestCount(Endpoint.ANTHROPIC_TOKEN)).as("one exchange and one refresh").isEqualTo(2);
    await("refreshed token visible on replica B").atMost(CHANGE_VISIBLE)
        .until(() -> provider(replicaB, "anthropic").path("expires_at").asText()
            .equals(provider(replicaA, "anthropic").path("expires_at").asText()));
  }

  @Test
  void storedKeyShowsOnOtherReplica() {
    ApiResponse stored = replicaA.post("/api/auth/api-key", Map.of("api_key", OPENROUTER_KEY, "provider", "openrouter"));
    assertThat(stored.status()).as(stored.body()).isEqualTo(200);

    await("key visible on replica B").atMost(CHANGE_VISIBLE)
        .until(() -> provider(replicaB, "openrouter").path("authenticated").asBoolean());
    assertThat(provider(replicaB, "openrouter").path("key_hint").asText()).isEqualTo("sk-or-v1-…a9F2");
    assertThat(provider(replicaB, "openrouter").path("source").asText()).isEqualTo("stored");
  }

  @Test
  void deleteShowsOnOtherReplica() {
    replicaA.post("/api/auth/api-key", Map.of("api_key", OPENROUTER_KEY, "provider", "openrouter"));
    await("key visible on replica B").atMost(CHANGE_VISIBLE)
        .until(() -> provider(replicaB, "openrouter").path("authenticated").asBoolean());

    ApiResponse deleted = replicaB.delete("/api/auth/openrouter");

    assertThat(deleted.status()).as(deleted.body()).isEqualTo(200);
    await("delete visible on replica A").atMost(CHANGE_VISIBLE)
        .until(() -> !provider(replicaA, "openrouter").path("authenticated").asBoolean());
  }

  @Test
  void preferencesShowOnOtherReplica() {
    replicaA.post("/api/auth/api-key", Map.of("api_key", OPENROUTER_KEY, "provider", "openrouter"));

    ApiResponse updated = replicaA.post("/api/preferences", Map.of("preferred_provider", "openrouter"));

    assertThat(updated.status()).as(updated.body()).isEqualTo(200);
    await("preferences visible on replica B").atMost(CHANGE_VISIBLE)
        .until(() -> replicaB.get("/api/preferences").json().path("preferences").path("preferred_provider").asText()
            .equals("openrouter"));
    await("validate on replica B").atMost(CHANGE_VISIBLE)
        .until(() -> replicaB.get("/api/auth/validate").json().path("valid").asBoolean());
    assertThat(replicaB.get("/api/auth/validate").text("provider")).isEqualTo("openrouter");
  }

  private static JsonNode provider(TestServer replica, String id) {
    ApiResponse status = replica.get("/api/auth/status");
    assertThat(status.status()).as(status.body()).isEqualTo(200);
    return status.json().path("providers").path(id);
  }
}
