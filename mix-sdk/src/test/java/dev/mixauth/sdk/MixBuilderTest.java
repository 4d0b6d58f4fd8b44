package dev.mixauth.sdk;

import static dev.mixauth.sdk.FakeServer.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MixBuilderTest {

  private static final String HEALTH_BODY =
      "{\"status\":\"ok\",\"timestamp\":\"2026-01-01T12:00:00Z\",\"version\":\"1\"}";

  private FakeServer server;

  @BeforeEach
  void start() throws Exception {
    server = FakeServer.start();
  }

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  void headersGoOnEveryRequest() {
    server.enqueue(json(200, HEALTH_BODY), json(200, "{\"providers\":{}}"));

    try (Mix mix =
        Mix.builder()
            .serverUrl(server.url())
            .header("Authorization", "Bearer first")
            .header("Authorization", "Bearer second")
            .header("X-Client", "cli")
            .build()) {
      mix.health().healthCheck();
      mix.authentication().getAuthStatus();
    }

    assertThat(server.requests()).hasSize(2);
    for (FakeServer.Request request : server.requests()) {
      assertThat(request.headers().get("Authorization")).containsExactly("Bearer second");
      assertThat(request.headers().getFirst("X-Client")).isEqualTo("cli");
      assertThat(request.headers().getFirst("User-Agent")).isEqualTo("mix-sdk-java");
    }
  }

  @Test
  void headerRejectsRestrictedName() {
    assertThatThrownBy(() -> Mix.builder().header("Host", "example.test"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "localhost:8088",
        "ftp://127.0.0.1/",
        "http://",
        "http://127.0.0.1/?a=b",
        "not a url"
      })
  void serverUrlRejectsInvalid(String url) {
    assertThatThrownBy(() -> Mix.builder().serverUrl(url))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("invalid server URL: " + url);
  }

  @Test
  void serverUrlPathPrefixesRequests() {
    server.enqueue(json(200, HEALTH_BODY));

    try (Mix mix = Mix.builder().serverUrl(server.url() + "/mix/").build()) {
      mix.health().healthCheck();
    }

    assertThat(server.onlyRequest().path()).isEqualTo("/mix/health");
  }

  @Test
  void timeoutRejectsZero() {
    assertThatThrownBy(() -> Mix.builder().timeout(Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("timeout must be positive: PT0S");
  }

  @Test
  void closedClientRejectsCalls() {
    Mix mix = Mix.builder().serverUrl(server.url()).build();
    mix.close();

    assertThatThrownBy(() -> mix.health().healthCheck())
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("this Mix client is closed; create a new one to send requests");
    CompletableFuture<?> future = mix.authentication().getAuthStatusAsync();
    assertThatThrownBy(future::get)
        .isInstanceOf(ExecutionException.class)
        .hasCauseInstanceOf(IllegalStateException.class);
    assertThat(server.requests()).isEmpty();
  }

  @Test
  void callerExecutorRunsAsyncAndStaysOpen() throws Exception {
    server.enqueue(json(200, HEALTH_BODY));
    ExecutorService executor =
        Executors.newSingleThreadExecutor(task -> new Thread(task, "caller-pool"));

    try {
      String thread;
      try (Mix mix = Mix.builder().serverUrl(server.url()).executor(executor).build()) {
        thread =
            mix.health()
                .healthCheckAsync()
                .thenApply(result -> Thread.currentThread().getName())
                .get(10, TimeUnit.SECONDS);
      }

      assertThat(thread).isEqualTo("caller-pool");
      assertThat(executor.isShutdown()).isFalse();
    } finally {
      executor.shutdownNow();
    }
  }
}
