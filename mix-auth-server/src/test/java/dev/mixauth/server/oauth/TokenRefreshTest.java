package dev.mixauth.server.oauth;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mixauth.fakes.Endpoint;
import dev.mixauth.fakes.Failure;
import dev.mixauth.fakes.FakeProviders;
import dev.mixauth.fakes.Provider;
import dev.mixauth.fakes.TokenField;
import dev.mixauth.server.testing.ApiResponse;
import dev.mixauth.server.testing.Fakes;
import dev.mixauth.server.testing.TestServer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TokenRefreshTest {
  @TempDir Path dataDir;
  private FakeProviders fakes;
  private TestServer server;

  @BeforeEach
  void start() {
    fakes = FakeProviders.start();
    server = TestServer.start(dataDir, Fakes.environment(fakes));
  }

  @AfterEach
  void stop() {
    server.close();
    fakes.close();
  }

  private void signIn() {
    ApiResponse started = server.post("/api/auth/oauth/anthropic", null);
    String pasted = Fakes.approve(started.text("auth_url"));
    assertThat(server.post("/api/auth/oauth-callback", Map.of("provider", "anthropic", "code", pasted)).status())
        .isEqualTo(200);
  }

  /** Returns the refresh token the server sent in its last refresh request. */
  private String lastSentRefreshToken() {
    String body = fakes.lastRequest(Endpoint.ANTHROPIC_TOKEN).orElseThrow().body();
    try {
      return new ObjectMapper().readTree(body).path("refresh_token").asText();
    } catch (java.io.IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private ApiResponse refreshNow() {
    return server.post("/internal/auth/refresh-tokens", null);
  }

  private JsonNode health() {
    return server.get("/health/auth").json();
  }

  private JsonNode anthropicStatus() {
    return server.get("/api/auth/status").json().path("providers").path("anthropic");
  }

  @Test
  void notDueTokenIsLeftAlone() {
    signIn();

    ApiResponse response = refreshNow();

    assertThat(response.status()).isEqualTo(200);
    assertThat(response.text("message")).isEqualTo("No OAuth token is due for refresh.");
    assertThat(fakes.successfulRefreshes(Provider.ANTHROPIC)).isZero();
    assertThat(health().path("status").asText()).isEqualTo("healthy");
  }

  @Test
  void tokenIsRefreshedAheadOfExpiryAndRotated() {
    signIn();
    String before = anthropicStatus().path("expires_at").asText();
    server.clock().advance(Duration.ofHours(8).minusMinutes(30));

    ApiResponse response = refreshNow();

    assertThat(response.text("message")).startsWith("Refreshed 1 of 1 due tokens");
    assertThat(fakes.successfulRefreshes(Provider.ANTHROPIC)).isEqualTo(1);
    String spent = lastSentRefreshToken();
    assertThat(fakes.isRefreshTokenLive(spent)).isFalse();
    assertThat(anthropicStatus().path("expires_at").asText()).isNotEqualTo(before);
    JsonNode entry = health().path("providers").path("anthropic");
    assertThat(entry.path("status").asText()).isEqualTo("active");
    assertThat(entry.has("last_refresh")).isTrue();

    server.clock().advance(Duration.ofHours(8).minusMinutes(30));
    refreshNow();
    assertThat(lastSentRefreshToken()).isNotEqualTo(spent);
    assertThat(fakes.successfulRefreshes(Provider.ANTHROPIC)).as("the rotated token works").isEqualTo(2);
  }

  @Test
  void shortLivedTokenDoesNotRefreshInALoop() {
    fakes.anthropicOptions().expiresIn(Duration.ofMinutes(20));
    signIn();

    refreshNow();
    server.clock().advance(Duration.ofMinutes(11));
    refreshNow();
    refreshNow();

    assertThat(fakes.successfulRefreshes(Provider.ANTHROPIC)).isEqualTo(1);
  }

  @Test
  void twentyConcurrentCallersCauseOneRefresh() throws Exception {
    signIn();
    server.clock().advance(Duration.ofHours(8));
    ExecutorService pool = Executors.newFixedThreadPool(20);
    CountDownLatch go = new CountDownLatch(1);
    List<Future<ApiResponse>> results = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      Callable<ApiResponse> call = () -> {
        go.await();
        return refreshNow();
      };
      results.add(pool.submit(call));
    }

    go.countDown();
    for (Future<ApiResponse> result : results) {
      assertThat(result.get().status()).isEqualTo(200);
    }
    pool.shutdown();

    assertThat(fakes.successfulRefreshes(Provider.ANTHROPIC)).isEqualTo(1);
    assertThat(fakes.requests(Endpoint.ANTHROPIC_TOKEN).stream().filter(r -> r.body().contains("refresh_token")).count())
        .isEqualTo(1);
    assertThat(anthropicStatus().path("authenticated").asBoolean()).isTrue();
  }

  @Test
  void invalidGrantKeepsCredentialUntilAccessTokenExpires() {
    signIn();
    server.clock().advance(Duration.ofHours(8).minusMinutes(20));
    fakes.failNext(Endpoint.ANTHROPIC_TOKEN, Failure.invalidGrant());

    refreshNow();

    JsonNode entry = health().path("providers").path("anthropic");
    assertThat(entry.path("status").asText()).isEqualTo("error");
    assertThat(entry.path("error").asText()).contains("invalid_grant");
    assertThat(health().path("status").asText()).isEqualTo("degraded");
    assertThat(anthropicStatus().path("authenticated").asBoolean()).isTrue();

    server.clock().advance(Duration.ofMinutes(25));
    fakes.failNext(Endpoint.ANTHROPIC_TOKEN, Failure.invalidGrant());
    refreshNow();

    assertThat(health().path("providers").path("anthropic").path("status").asText()).isEqualTo("expired_no_refresh");
    assertThat(health().path("status").asText()).isEqualTo("unhealthy");
    assertThat(anthropicStatus().path("authenticated").asBoolean()).isFalse();
    assertThat(server.get("/api/auth/validate").text("message")).contains("expired and cannot be refreshed");
  }

  @Test
  void rateLimitKeepsTokensAndHonoursRetryAfter() {
    signIn();
    server.clock().advance(Duration.ofHours(8));
    fakes.failNext(Endpoint.ANTHROPIC_TOKEN, Failure.rateLimited(Duration.ofMinutes(5)));

    ApiResponse first = refreshNow();
    int requestsAfterFailure = fakes.requestCount(Endpoint.ANTHROPIC_TOKEN);
    server.clock().advance(Duration.ofMinutes(4));
    ApiResponse early = refreshNow();

    assertThat(first.text("message")).contains("not refreshed").contains("HTTP 429");
    assertThat(early.text("message")).contains("waiting until");
    assertThat(fakes.requestCount(Endpoint.ANTHROPIC_TOKEN)).isEqualTo(requestsAfterFailure);
    assertThat(anthropicStatus().path("authenticated").asBoolean()).isTrue();
    assertThat(health().path("providers").path("anthropic").path("status").asText()).isEqualTo("error");

    server.clock().advance(Duration.ofMinutes(2));
    refreshNow();
    assertThat(fakes.successfulRefreshes(Provider.ANTHROPIC)).isEqualTo(1);
    assertThat(health().path("providers").path("anthropic").path("status").asText()).isEqualTo("active");
  }

  @Test
  void htmlAndServerErrorsKeepTokensAndRetry() {
    signIn();
    Failure[] failures = {Failure.htmlPage(), Failure.challengePage(), Failure.notFound(), Failure.serverError(503),
        Failure.emptyServerError(), Failure.dropConnection(), Failure.slow(Duration.ofSeconds(3))};
    for (Failure failure : failures) {
      server.clock().advance(Duration.ofHours(8));
      fakes.failNext(Endpoint.ANTHROPIC_TOKEN, failure);

      ApiResponse failed = refreshNow();
      server.clock().advance(TokenRefresher.MAX_RETRY);
      refreshNow();

      assertThat(failed.text("message")).as(failure.toString()).contains("not refreshed");
      assertThat(health().path("providers").path("anthropic").path("status").asText()).as(failure.toString())
          .isEqualTo("active");
    }
    assertThat(fakes.successfulRefreshes(Provider.ANTHROPIC)).isEqualTo(failures.length);
  }

  @Test
  void responseWithoutRefreshTokenKeepsOldOne() {
    signIn();
    fakes.anthropicOptions().refreshTokenOnRefresh(TokenField.OMITTED);
    server.clock().advance(Duration.ofHours(8));
    refreshNow();

    server.clock().advance(Duration.ofHours(8));
    fakes.anthropicOptions().refreshTokenOnRefresh(TokenField.PRESENT);
    refreshNow();

    assertThat(fakes.successfulRefreshes(Provider.ANTHROPIC)).isEqualTo(2);
    assertThat(health().path("providers").path("anthropic").path("status").asText()).isEqualTo("active");
  }

  @Test
  void responseWithoutAccessTokenChangesNothing() {
    signIn();
    String before = anthropicStatus().path("expires_at").asText();
    fakes.anthropicOptions().accessTokenOnRefresh(TokenField.OMITTED);
    server.clock().advance(Duration.ofHours(8).minusMinutes(30));

    ApiResponse response = refreshNow();

    assertThat(response.text("message")).contains("without an access_token");
    assertThat(anthropicStatus().path("expires_at").asText()).isEqualTo(before);
  }

  @Test
  void expiredButRefreshableCountsAsAuthenticated() {
    signIn();
    server.clock().advance(Duration.ofHours(9));

    JsonNode status = anthropicStatus();
    ApiResponse validate = server.get("/api/auth/validate");

    assertThat(status.path("authenticated").asBoolean()).isTrue();
    assertThat(status.path("auth_method").asText()).isEqualTo("oauth");
    assertThat(validate.json().path("valid").asBoolean()).isTrue();
    assertThat(health().path("status").asText()).isEqualTo("degraded");
    assertThat(fakes.successfulRefreshes(Provider.ANTHROPIC)).as("status never refreshes").isZero();
  }

  @Test
  void healthStatesFollowExpiry() {
    assertThat(health().path("status").asText()).isEqualTo("healthy");
    assertThat(health().path("providers").path("anthropic").path("status").asText()).isEqualTo("not_found");

    signIn();
    assertThat(health().path("providers").path("anthropic").path("expires_in").asText()).matches("7h59m\\d+s|8h0m0s");
    server.clock().advance(Duration.ofHours(8).minusMinutes(4));

    assertThat(health().path("status").asText()).isEqualTo("degraded");
  }

  @Test
  void backgroundSchedulerRefreshesDueTokens() throws InterruptedException {
    server.close();
    Map<String, String> env = Fakes.environment(fakes);
    env.put("MIX_AUTH_REFRESH_INTERVAL_MS", "100");
    server = TestServer.start(dataDir, env, server.clock());
    signIn();

    server.clock().advance(Duration.ofHours(8).minusMinutes(10));
    long deadline = System.nanoTime() + 5_000_000_000L;
    while (fakes.successfulRefreshes(Provider.ANTHROPIC) == 0 && System.nanoTime() < deadline) {
      Thread.sleep(50);
    }

    assertThat(fakes.successfulRefreshes(Provider.ANTHROPIC)).isEqualTo(1);
  }
}
