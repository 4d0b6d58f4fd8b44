package dev.mixauth.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.mixauth.sdk.Mix;
import dev.mixauth.sdk.MixListener;
import dev.mixauth.sdk.RetryConfig;
import dev.mixauth.sdk.errors.ErrorResponse;
import dev.mixauth.sdk.errors.MixConnectionException;
import dev.mixauth.sdk.errors.MixDefaultError;
import dev.mixauth.sdk.models.GetAuthStatusResponse;
import dev.mixauth.sdk.models.HealthCheckResponse;
import dev.mixauth.sdk.models.Provider;
import dev.mixauth.server.MixAuthServer;
import java.io.IOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Client-wide behaviour against the real server: health, connections, headers and events. */
class ClientTest {

  private static final String API_TOKEN = "team-token-for-sdk-tests-0123456789";
  private static final String OPENROUTER_KEY = "sk-or-v1-ListenerMustNeverShowThisKey-c0Fe";

  @TempDir Path dataDir;

  @ParameterizedTest
  @EnumSource(CallStyle.class)
  void healthCheckReportsOk(CallStyle style) {
    try (RunningServer server = RunningServer.start(dataDir, Map.of());
        Mix mix = server.client()) {
      HealthCheckResponse health =
          style.call(() -> mix.health().healthCheck(), () -> mix.health().healthCheckAsync());

      assertThat(health.status()).isEqualTo("ok");
      assertThat(health.version()).isEqualTo(MixAuthServer.version());
      assertThat(health.timestamp()).isCloseTo(Instant.now(), within(1, ChronoUnit.MINUTES));
    }
  }

  @ParameterizedTest
  @EnumSource(CallStyle.class)
  void closedPortIsConnectionError(CallStyle style) throws IOException {
    int port = closedPort();
    try (Mix mix =
        Mix.builder()
            .serverUrl("http://127.0.0.1:" + port)
            .retryConfig(RetryConfig.none())
            .build()) {
      MixConnectionException error =
          style.failure(
              MixConnectionException.class,
              () -> mix.authentication().getAuthStatus(),
              () -> mix.authentication().getAuthStatusAsync());

      assertThat(error.statusCode()).isZero();
      assertThat(error.getCause()).isInstanceOf(ConnectException.class);
      assertThat(error.getMessage()).contains("127.0.0.1:" + port).contains("after 1 attempt");
    }
  }

  @ParameterizedTest
  @EnumSource(CallStyle.class)
  void closedPortIsRetriedWhenPolicyAllows(CallStyle style) throws IOException {
    int port = closedPort();
    RecordingListener listener = new RecordingListener();
    RetryConfig retryConnections =
        RetryConfig.backoff(
            Duration.ofMillis(20), Duration.ofMillis(20), 1.0, Duration.ofMillis(200), true);
    try (Mix mix =
        Mix.builder().serverUrl("http://127.0.0.1:" + port).listener(listener).build()) {
      MixConnectionException error =
          style.failure(
              MixConnectionException.class,
              () -> mix.authentication().getAuthStatus(retryConnections),
              () -> mix.authentication().getAuthStatusAsync(retryConnections));

      assertThat(error.getMessage()).contains("attempts");
      assertThat(listener.responses()).hasSizeGreaterThan(1);
      assertThat(listener.responses()).allSatisfy(event -> assertThat(event.statusCode()).isZero());
    }
  }

  @ParameterizedTest
  @EnumSource(CallStyle.class)
  void authorizationHeaderReachesServer(CallStyle style) {
    Map<String, String> settings = Map.of("MIX_AUTH_API_TOKEN", API_TOKEN);
    try (RunningServer server = RunningServer.start(dataDir, settings);
        Mix withToken =
            server.clientBuilder().header("Authorization", "Bearer " + API_TOKEN).build()) {
      GetAuthStatusResponse status =
          style.call(
              () -> withToken.authentication().getAuthStatus(),
              () -> withToken.authentication().getAuthStatusAsync());

      assertThat(status.providers()).containsKey("openrouter");
    }
  }

  @ParameterizedTest
  @EnumSource(CallStyle.class)
  void missingTokenIs401(CallStyle style) {
    Map<String, String> settings = Map.of("MIX_AUTH_API_TOKEN", API_TOKEN);
    try (RunningServer server = RunningServer.start(dataDir, settings);
        Mix withoutToken = server.client()) {
      // getAuthStatus lists only 500, so its 401 is a MixDefaultError.
      MixDefaultError statusError =
          style.failure(
              MixDefaultError.class,
              () -> withoutToken.authentication().getAuthStatus(),
              () -> withoutToken.authentication().getAuthStatusAsync());
      // initiateOAuthLogin lists 401, so the same rejection is an ErrorResponse.
      ErrorResponse loginError =
          style.failure(
              ErrorResponse.class,
              () -> withoutToken.authentication().initiateOAuthLogin(),
              () -> withoutToken.authentication().initiateOAuthLoginAsync());

      assertThat(statusError.statusCode()).isEqualTo(401);
      assertThat(loginError.statusCode()).isEqualTo(401);
      assertThat(loginError.error().type()).isEqualTo("unauthorized");
      assertThat(loginError.error().message()).contains("Authorization: Bearer");
    }
  }

  @Test
  void listenerEventsShowHintsNotKeys() {
    RecordingListener listener = new RecordingListener();
    try (RunningServer server = RunningServer.start(dataDir, Map.of());
        Mix mix = server.clientBuilder().listener(listener).build()) {
      mix.authentication().storeApiKey(OPENROUTER_KEY, Provider.OPENROUTER);

      MixListener.RequestEvent request = listener.requests().get(0);
      MixListener.ResponseEvent response = listener.responses().get(0);
      assertThat(request.operation()).isEqualTo("storeApiKey");
      assertThat(request.method()).isEqualTo("POST");
      assertThat(request.path()).isEqualTo("/api/auth/api-key");
      assertThat(request.attempt()).isEqualTo(1);
      assertThat(request.body()).contains("sk-or-…c0Fe").doesNotContain(OPENROUTER_KEY);
      assertThat(response.statusCode()).isEqualTo(200);
      assertThat(response.failure()).isEmpty();
    }
  }

  @Test
  void fixedPortServerAcceptsLoopbackNames() throws IOException {
    int port = closedPort();
    boolean ipv6Free = isFreeOnIpv6Loopback(port);
    Map<String, String> settings = Map.of("MIX_AUTH_PORT", Integer.toString(port));
    try (RunningServer server = RunningServer.start(dataDir, settings)) {
      List<String> urls = new ArrayList<>(List.of("http://127.0.0.1:", "http://localhost:"));
      if (ipv6Free) {
        // The server listens on ::1 too when that port is free there at start.
        urls.add("http://[::1]:");
      }

      for (String url : urls) {
        try (Mix mix =
            Mix.builder().serverUrl(url + port).retryConfig(RetryConfig.none()).build()) {
          assertThat(mix.health().healthCheck().status()).as(url + port).isEqualTo("ok");
        }
      }
    }
  }

  /** Returns a loopback port that nothing listens on, as far as a test can tell. */
  private static int closedPort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }

  private static boolean isFreeOnIpv6Loopback(int port) {
    try (ServerSocket socket = new ServerSocket()) {
      socket.bind(new InetSocketAddress(InetAddress.getByName("::1"), port));
      return true;
    } catch (IOException e) {
      return false; // no IPv6 loopback on this machine, or the port is taken there
    }
  }
}
