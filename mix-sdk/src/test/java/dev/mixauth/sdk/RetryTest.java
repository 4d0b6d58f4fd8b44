package dev.mixauth.sdk;

import static dev.mixauth.sdk.FakeServer.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.mixauth.sdk.errors.ErrorResponse;
import dev.mixauth.sdk.errors.MixConnectionException;
import dev.mixauth.sdk.errors.MixDefaultError;
import dev.mixauth.sdk.errors.MixInterruptedException;
import dev.mixauth.sdk.models.Provider;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RetryTest {

  private static final String STATUS_BODY = "{\"providers\":{}}";

  private final FakeTime time = new FakeTime();
  private final List<MixListener.ResponseEvent> responses = new CopyOnWriteArrayList<>();
  private FakeServer server;

  @BeforeEach
  void start() throws Exception {
    server = FakeServer.start();
  }

  @AfterEach
  void stop() {
    server.close();
  }

  /** Returns a builder on fake time with no jitter, recording response events. */
  private Mix.Builder builder() {
    return Mix.builder()
        .serverUrl(server.url())
        .clock(time.clock)
        .sleeper(time.sleeper)
        .random(() -> 0.0)
        .listener(
            new MixListener() {
              @Override
              public void onResponse(ResponseEvent event) {
                responses.add(event);
              }
            });
  }

  @Test
  void retriesOn503ThenSucceeds() {
    server.enqueue(FakeServer.error(503, "internal_error", "starting up"), json(200, STATUS_BODY));

    try (Mix mix = builder().build()) {
      assertThat(mix.authentication().getAuthStatus().providers()).isEmpty();
    }

    assertThat(server.requests()).hasSize(2);
    assertThat(time.waits()).containsExactly(Duration.ofMillis(500));
    assertThat(responses).extracting(MixListener.ResponseEvent::attempt).containsExactly(1, 2);
    assertThat(responses)
        .extracting(MixListener.ResponseEvent::statusCode)
        .containsExactly(503, 200);
  }

  @Test
  void waitsGrowByExponent() {
    server.enqueue(
        json(503, ""), json(503, ""), json(503, ""), json(503, ""), json(200, STATUS_BODY));

    try (Mix mix = builder().build()) {
      mix.authentication().getAuthStatus();
    }

    assertThat(time.waits())
        .containsExactly(
            Duration.ofMillis(500),
            Duration.ofMillis(750),
            Duration.ofMillis(1125),
            Duration.ofMillis(1688));
  }

  @ParameterizedTest
  @ValueSource(ints = {408, 429, 500, 502, 503, 504})
  void retriesRetryableStatus(int status) {
    server.enqueue(FakeServer.error(status, "internal_error", "try again"), json(200, STATUS_BODY));

    try (Mix mix = builder().build()) {
      mix.authentication().getAuthStatus();
    }

    assertThat(server.requests()).hasSize(2);
  }

  @ParameterizedTest
  @ValueSource(ints = {400, 401, 403, 404, 409, 422})
  void noRetryOnClientError(int status) {
    server.enqueue(
        FakeServer.error(status, "bad_request", "fix the request").withHeader("Retry-After", "1"),
        json(200, "{\"success\":true}"));

    try (Mix mix = builder().build()) {
      assertThatThrownBy(() -> mix.authentication().setApiKey("sk-test-0123456789abcdef"))
          .hasMessageContaining("failed with status " + status);
    }

    assertThat(server.requests()).hasSize(1);
    assertThat(time.waits()).isEmpty();
  }

  @Test
  void retryAfterSecondsIsHonoured() {
    server.enqueue(
        FakeServer.error(429, "bad_request", "slow down").withHeader("Retry-After", "2"),
        json(200, STATUS_BODY));

    try (Mix mix = builder().build()) {
      mix.authentication().getAuthStatus();
    }

    assertThat(time.waits()).containsExactly(Duration.ofSeconds(2));
  }

  @Test
  void retryAfterHttpDateIsHonoured() {
    String inThreeSeconds =
        DateTimeFormatter.RFC_1123_DATE_TIME.format(
            FakeTime.START.plusSeconds(3).atOffset(ZoneOffset.UTC));
    server.enqueue(
        FakeServer.error(429, "bad_request", "slow down").withHeader("Retry-After", inThreeSeconds),
        json(200, STATUS_BODY));

    try (Mix mix = builder().build()) {
      mix.authentication().getAuthStatus();
    }

    assertThat(inThreeSeconds).isEqualTo("Thu, 1 Jan 2026 12:00:03 GMT");
    assertThat(time.waits()).containsExactly(Duration.ofSeconds(3));
  }

  @Test
  void retryAfterIsCappedAtMaxInterval() {
    server.enqueue(json(503, "").withHeader("Retry-After", "3600"), json(200, STATUS_BODY));

    try (Mix mix = builder().build()) {
      mix.authentication().getAuthStatus();
    }

    assertThat(time.waits()).containsExactly(Duration.ofSeconds(60));
  }

  @Test
  void resetConnectionIsRetried() {
    server.enqueue(
        FakeServer.drop(),
        json(200, "{\"status\":\"success\",\"provider\":\"openai\",\"message\":\"Stored.\"}"));

    try (Mix mix = builder().build()) {
      assertThat(mix.authentication().storeApiKey("sk-test", Provider.OPENAI).message())
          .isEqualTo("Stored.");
    }

    assertThat(server.requests()).hasSize(2);
    assertThat(time.waits()).containsExactly(Duration.ofMillis(500));
    assertThat(responses.get(0).statusCode()).isZero();
    assertThat(responses.get(0).failure()).isNotEmpty();
    assertThat(responses.get(1).statusCode()).isEqualTo(200);
  }

  @Test
  void resetConnectionNotRetriedWhenDisabled() {
    // A POST, because the JDK client itself resends a GET whose connection closed unanswered.
    server.enqueue(FakeServer.drop(), json(200, "{\"success\":true}"));
    RetryConfig statusOnly =
        RetryConfig.backoff(
            Duration.ofMillis(500), Duration.ofSeconds(60), 1.5, Duration.ofSeconds(600), false);

    try (Mix mix = builder().retryConfig(statusOnly).build()) {
      assertThatThrownBy(() -> mix.authentication().setApiKey("sk-test-0123456789abcdef"))
          .isInstanceOf(MixConnectionException.class)
          .hasMessageContaining("after 1 attempt (");
    }

    assertThat(server.requests()).hasSize(1);
  }

  @Test
  void slowResponseTimesOutThenRetries() {
    server.enqueue(json(200, STATUS_BODY).after(Duration.ofSeconds(3)), json(200, STATUS_BODY));

    try (Mix mix = builder().timeout(Duration.ofMillis(300)).build()) {
      mix.authentication().getAuthStatus();
    }

    assertThat(server.requests()).hasSize(2);
    assertThat(responses.get(0).statusCode()).isZero();
    assertThat(responses.get(0).failure()).startsWith("HttpTimeoutException");
    assertThat(responses.get(1).statusCode()).isEqualTo(200);
  }

  @Test
  void slowResponseThrowsConnectionException() {
    server.enqueue(json(200, STATUS_BODY).after(Duration.ofSeconds(3)));

    try (Mix mix =
        builder().retryConfig(RetryConfig.none()).timeout(Duration.ofMillis(300)).build()) {
      MixConnectionException error =
          catchThrowableOfType(
              MixConnectionException.class, () -> mix.authentication().getAuthStatus());

      assertThat(error.getCause()).isInstanceOf(HttpTimeoutException.class);
      assertThat(error).hasMessageContaining("getAuthStatus failed: no response from");
    }
  }

  @Test
  void noneSendsOnce() {
    server.enqueue(json(503, ""), json(200, STATUS_BODY));

    try (Mix mix = builder().retryConfig(RetryConfig.none()).build()) {
      assertThatThrownBy(() -> mix.authentication().getAuthStatus())
          .isExactlyInstanceOf(MixDefaultError.class)
          .extracting(e -> ((MixDefaultError) e).statusCode())
          .isEqualTo(503);
    }

    assertThat(server.requests()).hasSize(1);
    assertThat(time.waits()).isEmpty();
  }

  @Test
  void maxElapsedTimeStopsRetrying() {
    for (int i = 0; i < 5; i++) {
      server.enqueue(FakeServer.error(500, "internal_error", "database is down"));
    }
    RetryConfig shortPolicy =
        RetryConfig.backoff(
            Duration.ofSeconds(1), Duration.ofSeconds(10), 2.0, Duration.ofSeconds(5), true);

    try (Mix mix = builder().retryConfig(shortPolicy).build()) {
      assertThatThrownBy(() -> mix.authentication().getAuthStatus())
          .isExactlyInstanceOf(ErrorResponse.class)
          .hasMessage("getAuthStatus failed with status 500 (internal_error): database is down");
    }

    // Waits of 1 s and 2 s fit in 5 s, but the next wait of 4 s would end at 7 s.
    assertThat(time.waits()).containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(2));
    assertThat(server.requests()).hasSize(3);
  }

  @Test
  void refusedConnectionRetriedUntilMaxElapsed() throws Exception {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      closedPort = socket.getLocalPort();
    }
    RetryConfig tenthOfASecond =
        RetryConfig.backoff(
            Duration.ofMillis(100), Duration.ofMillis(100), 1.0, Duration.ofSeconds(1), true);

    try (Mix mix =
        builder().serverUrl("http://127.0.0.1:" + closedPort).retryConfig(tenthOfASecond).build()) {
      assertThatThrownBy(() -> mix.health().healthCheck())
          .isInstanceOf(MixConnectionException.class)
          .hasMessageContaining("after 11 attempts (");
    }

    // Ten waits of 100 ms end exactly at the 1 s limit, which they do not pass.
    assertThat(time.waits()).hasSize(10).containsOnly(Duration.ofMillis(100));
  }

  @Test
  void callOverrideDisablesClientRetries() {
    server.enqueue(json(503, ""), json(200, STATUS_BODY));

    try (Mix mix = builder().build()) {
      assertThatThrownBy(() -> mix.authentication().getAuthStatus(RetryConfig.none()))
          .isExactlyInstanceOf(MixDefaultError.class);
    }

    assertThat(server.requests()).hasSize(1);
  }

  @Test
  void callOverrideEnablesRetries() {
    server.enqueue(json(503, ""), json(200, STATUS_BODY));

    try (Mix mix = builder().retryConfig(RetryConfig.none()).build()) {
      mix.authentication().getAuthStatus(RetryConfig.defaults());
    }

    assertThat(server.requests()).hasSize(2);
    assertThat(time.waits()).containsExactly(Duration.ofMillis(500));
  }

  @Test
  void interruptDuringWaitStopsRetrying() {
    server.enqueue(json(503, ""), json(200, STATUS_BODY));
    Sleeper interruptedSleep =
        duration -> {
          throw new InterruptedException("sleep interrupted");
        };

    try (Mix mix = builder().sleeper(interruptedSleep).build()) {
      MixInterruptedException error =
          catchThrowableOfType(
              MixInterruptedException.class, () -> mix.authentication().getAuthStatus());

      assertThat(Thread.interrupted()).isTrue();
      assertThat(error).hasMessage("getAuthStatus was interrupted after 1 attempt");
      assertThat(error.getCause()).isInstanceOf(InterruptedException.class);
    }

    assertThat(server.requests()).hasSize(1);
  }

  @Test
  void interruptedThreadSendsNothing() {
    server.enqueue(json(200, STATUS_BODY));

    try (Mix mix = builder().build()) {
      Thread.currentThread().interrupt();
      Throwable thrown =
          catchThrowableOfType(
              MixInterruptedException.class, () -> mix.authentication().getAuthStatus());

      assertThat(Thread.interrupted()).isTrue();
      assertThat(thrown).hasMessage("getAuthStatus was interrupted after 0 attempts");
    }

    assertThat(server.requests()).isEmpty();
  }

  @Test
  void interruptEndsRealSleep() throws Exception {
    server.enqueue(json(503, "").withHeader("Retry-After", "30"), json(200, STATUS_BODY));
    AtomicReference<Throwable> thrown = new AtomicReference<>();
    AtomicBoolean flagAfterCall = new AtomicBoolean();

    try (Mix mix = Mix.builder().serverUrl(server.url()).build()) {
      Thread caller =
          new Thread(
              () -> {
                try {
                  mix.authentication().getAuthStatus();
                } catch (RuntimeException e) {
                  thrown.set(e);
                }
                flagAfterCall.set(Thread.currentThread().isInterrupted());
              });
      caller.start();
      long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
      while (server.requests().isEmpty() && System.nanoTime() < deadline) {
        Thread.sleep(10);
      }
      caller.interrupt();
      caller.join(Duration.ofSeconds(5).toMillis());

      assertThat(caller.isAlive()).isFalse();
    }

    assertThat(thrown.get()).isInstanceOf(MixInterruptedException.class);
    assertThat(flagAfterCall.get()).isTrue();
    assertThat(server.requests()).hasSize(1);
  }
}
