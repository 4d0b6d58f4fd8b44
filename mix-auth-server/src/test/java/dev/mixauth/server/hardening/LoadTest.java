package dev.mixauth.server.hardening;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mixauth.server.testing.ApiResponse;
import dev.mixauth.server.testing.TestServer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Many concurrent clients mix every operation for a fixed time. One writer per provider stores
 * and deletes its keys, so the final state must match the last response that writer received. Readers and
 * senders of bad requests run beside them. No response may be a 5XX.
 */
class LoadTest {
  private static final Duration RUN_TIME = Duration.ofSeconds(8);
  private static final Map<String, String> PREFIXES =
      Map.of("anthropic", "sk-ant-api03-load-", "openai", "sk-proj-load-", "openrouter", "sk-or-v1-load-");

  @TempDir Path dataDir;

  @Test
  void mixedLoadKeepsStateAndNever5xx() throws Exception {
    try (TestServer server = TestServer.start(dataDir, Map.of())) {
      AtomicInteger requests = new AtomicInteger();
      ConcurrentLinkedQueue<String> serverErrors = new ConcurrentLinkedQueue<>();
      Map<String, String> lastAcknowledged = new ConcurrentHashMap<>();
      long end = System.nanoTime() + RUN_TIME.toNanos();
      ExecutorService pool = Executors.newFixedThreadPool(12);
      List<Future<?>> clients = new ArrayList<>();

      for (String provider : PREFIXES.keySet()) {
        clients.add(pool.submit(() -> {
          for (int i = 0; System.nanoTime() < end; i++) {
            ApiResponse response;
            if (i % 5 == 4) {
              response = server.delete("/api/auth/" + provider);
              lastAcknowledged.put(provider, "none");
            } else {
              String key = PREFIXES.get(provider) + String.format("%010d", i);
              response = server.post("/api/auth/api-key", Map.of("provider", provider, "api_key", key));
              lastAcknowledged.put(provider, "…" + key.substring(key.length() - 4));
            }
            record(response, requests, serverErrors);
            assertThat(response.status()).as(response.body()).isEqualTo(200);
          }
          return null;
        }));
      }
      for (int reader = 0; reader < 6; reader++) {
        int seed = reader;
        clients.add(pool.submit(() -> {
          String[] paths = {"/api/auth/status", "/api/auth/validate", "/health/auth", "/api/preferences", "/health"};
          for (int i = seed; System.nanoTime() < end; i++) {
            record(server.get(paths[i % paths.length]), requests, serverErrors);
          }
          return null;
        }));
      }
      for (int mixer = 0; mixer < 3; mixer++) {
        clients.add(pool.submit(() -> {
          for (int i = 0; System.nanoTime() < end; i++) {
            ApiResponse response = switch (i % 4) {
              case 0 -> server.post("/api/preferences", Map.of("main_agent_max_tokens", 1000 + i));
              case 1 -> server.post("/api/auth/api-key", Map.of("provider", "anthropc", "api_key", "x"));
              case 2 -> server.post("/api/auth/oauth/anthropic", null);
              default -> server.postJson("/api/auth/oauth-callback", "{\"provider\":\"anthropic\",\"code\":\"abc#zzz\"}");
            };
            record(response, requests, serverErrors);
          }
          return null;
        }));
      }
      for (Future<?> client : clients) {
        client.get();
      }
      pool.shutdown();

      assertThat(serverErrors).isEmpty();
      var providers = server.get("/api/auth/status").json().path("providers");
      for (String provider : PREFIXES.keySet()) {
        var entry = providers.path(provider);
        String expected = lastAcknowledged.get(provider);
        if (expected.equals("none")) {
          assertThat(entry.path("authenticated").asBoolean()).as(provider).isFalse();
        } else {
          assertThat(entry.path("key_hint").asText()).as(provider).endsWith(expected);
        }
      }
      server.restart();
      assertThat(server.get("/api/auth/status").json().path("providers")).isEqualTo(providers);
      System.out.println("Requests under load: " + requests.get() + " in " + RUN_TIME.toSeconds() + " s, 5XX: "
          + serverErrors.size());
    }
  }

  private static void record(ApiResponse response, AtomicInteger requests, ConcurrentLinkedQueue<String> errors) {
    requests.incrementAndGet();
    if (response.status() >= 500) {
      errors.add(response.toString());
    }
  }
}
