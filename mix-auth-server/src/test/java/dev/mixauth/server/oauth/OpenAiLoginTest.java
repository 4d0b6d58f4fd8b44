package dev.mixauth.server.oauth;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mixauth.fakes.Endpoint;
import dev.mixauth.fakes.Failure;
import dev.mixauth.fakes.FakeProviders;
import dev.mixauth.fakes.Provider;
import dev.mixauth.server.testing.ApiResponse;
import dev.mixauth.server.testing.Browser;
import dev.mixauth.server.testing.Fakes;
import dev.mixauth.server.testing.TestServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OpenAiLoginTest {
  @TempDir Path dataDir;
  private FakeProviders fakes;
  private int port;

  @BeforeEach
  void start() {
    fakes = FakeProviders.start();
    port = Browser.freePort();
    fakes.openAiOptions().redirectUri(redirect(port));
  }

  @AfterEach
  void stop() {
    fakes.close();
  }

  private static String redirect(int port) {
    return "http://localhost:" + port + "/auth/callback";
  }

  private TestServer server(Map<String, String> extra) {
    Map<String, String> env = Fakes.environment(fakes);
    env.put("MIX_AUTH_OPENAI_REDIRECT_URI", redirect(port));
    env.putAll(extra);
    return TestServer.start(dataDir, env);
  }

  private static boolean listening(int port) {
    try (ServerSocket probe = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
      return false;
    } catch (IOException e) {
      return true;
    }
  }

  /** Waits up to three seconds for the listener to close, as it does shortly after the last sign-in. */
  private static boolean closesSoon(int port) {
    long deadline = System.nanoTime() + 3_000_000_000L;
    while (System.nanoTime() < deadline) {
      if (!listening(port)) {
        return true;
      }
      try {
        Thread.sleep(50);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return false;
      }
    }
    return false;
  }

  @Test
  void browserRedirectCompletesSignIn() {
    try (TestServer server = server(Map.of())) {
      ApiResponse started = server.post("/api/auth/oauth/openai", null);
      assertThat(started.status()).as(started.body()).isEqualTo(200);
      assertThat(started.text("message")).contains("The browser returns to " + redirect(port));
      assertThat(listening(port)).isTrue();

      HttpResponse<String> page = Browser.get(Browser.redirectOf(started.text("auth_url")));

      assertThat(page.statusCode()).isEqualTo(200);
      assertThat(page.body()).contains("Signed in").contains("mix-auth status");
      var entry = server.get("/api/auth/status").json().path("providers").path("openai");
      assertThat(entry.path("auth_method").asText()).isEqualTo("oauth");
      assertThat(fakes.successfulExchanges(Provider.OPENAI)).isEqualTo(1);
      assertThat(closesSoon(port)).isTrue();
    }
  }

  @Test
  void exchangeIsFormEncodedWithoutState() {
    try (TestServer server = server(Map.of())) {
      ApiResponse started = server.post("/api/auth/oauth/openai", null);
      Browser.get(Browser.redirectOf(started.text("auth_url")));

      var request = fakes.lastRequest(Endpoint.OPENAI_TOKEN).orElseThrow();
      assertThat(request.contentType()).startsWith("application/x-www-form-urlencoded");
      assertThat(request.bodyParameters()).containsKeys("code", "code_verifier", "redirect_uri", "client_id")
          .doesNotContainKey("state");
    }
  }

  @Test
  void takenPortFailsAtOnceNamingPort() throws IOException {
    try (ServerSocket other = new ServerSocket(port, 1, InetAddress.getLoopbackAddress());
        TestServer server = server(Map.of())) {
      ApiResponse started = server.post("/api/auth/oauth/openai", null);

      assertThat(started.status()).isEqualTo(400);
      assertThat(started.errorMessage()).contains("Port " + port).contains("MIX_AUTH_OPENAI_CALLBACK_LISTENER=disabled")
          .contains("POST /api/auth/oauth-callback");
      assertThat(fakes.requestCount(Endpoint.OPENAI_AUTHORIZE)).isZero();
    }
  }

  @Test
  void pastedRedirectCompletesWithoutListener() {
    try (TestServer server = server(Map.of("MIX_AUTH_OPENAI_CALLBACK_LISTENER", "disabled"))) {
      ApiResponse started = server.post("/api/auth/oauth/openai", null);
      assertThat(listening(port)).isFalse();
      String redirect = Browser.redirectOf(started.text("auth_url"));

      ApiResponse done = server.post("/api/auth/oauth-callback", Map.of("provider", "openai", "code", redirect, "state",
          started.text("state")));

      assertThat(done.status()).as(done.body()).isEqualTo(200);
      assertThat(done.json().path("expires_in").asLong()).isBetween(3500L, 3600L);
    }
  }

  @Test
  void pastedRedirectWorksWhileListening() {
    try (TestServer server = server(Map.of())) {
      ApiResponse started = server.post("/api/auth/oauth/openai", null);
      String redirect = Browser.redirectOf(started.text("auth_url"));

      ApiResponse done = server.post("/api/auth/oauth-callback", Map.of("provider", "openai", "code", redirect));

      assertThat(done.status()).as(done.body()).isEqualTo(200);
      assertThat(closesSoon(port)).isTrue();
    }
  }

  @Test
  void failedExchangeShowsFailurePage() {
    try (TestServer server = server(Map.of())) {
      ApiResponse started = server.post("/api/auth/oauth/openai", null);
      String redirect = Browser.redirectOf(started.text("auth_url"));
      fakes.failNext(Endpoint.OPENAI_TOKEN, Failure.serverError(503));

      HttpResponse<String> page = Browser.get(redirect);

      assertThat(page.statusCode()).isEqualTo(502);
      assertThat(page.body()).contains("Sign-in failed").contains("Could not complete the OpenAI sign-in");
      assertThat(listening(port)).isTrue();
      assertThat(Browser.get(redirect).statusCode()).isEqualTo(200);
    }
  }

  @Test
  void refreshIsFormEncodedAndRotates() {
    try (TestServer server = server(Map.of())) {
      ApiResponse started = server.post("/api/auth/oauth/openai", null);
      Browser.get(Browser.redirectOf(started.text("auth_url")));
      server.clock().advance(java.time.Duration.ofMinutes(50));

      ApiResponse refreshed = server.post("/internal/auth/refresh-tokens", null);

      assertThat(refreshed.text("message")).startsWith("Refreshed 1 of 1");
      assertThat(fakes.successfulRefreshes(Provider.OPENAI)).isEqualTo(1);
      var request = fakes.lastRequest(Endpoint.OPENAI_TOKEN).orElseThrow();
      assertThat(request.contentType()).startsWith("application/x-www-form-urlencoded");
      assertThat(request.bodyParameters()).containsEntry("grant_type", "refresh_token");
      assertThat(fakes.isRefreshTokenLive(request.bodyParameters().get("refresh_token"))).isFalse();
    }
  }

  @Test
  void defaultRedirectListensOnPort1455() {
    org.junit.jupiter.api.Assumptions.assumeFalse(listening(1455), "port 1455 is taken on this machine");
    fakes.openAiOptions().redirectUri("http://localhost:1455/auth/callback");
    Map<String, String> env = Fakes.environment(fakes);
    try (TestServer server = TestServer.start(dataDir, env)) {
      ApiResponse started = server.post("/api/auth/oauth/openai", null);
      assertThat(listening(1455)).isTrue();

      HttpResponse<String> page = Browser.get(Browser.redirectOf(started.text("auth_url")));

      assertThat(page.statusCode()).isEqualTo(200);
      assertThat(closesSoon(1455)).isTrue();
    }
  }

  @Test
  void switchTurnsSignInOff() {
    try (TestServer server = server(Map.of("MIX_AUTH_OPENAI_OAUTH", "disabled"))) {
      ApiResponse started = server.post("/api/auth/oauth/openai", null);

      assertThat(started.status()).isEqualTo(400);
      assertThat(started.errorMessage()).contains("MIX_AUTH_OPENAI_OAUTH=enabled");
    }
  }

  @Test
  void logoutRevokesRefreshToken() {
    try (TestServer server = server(Map.of("MIX_AUTH_OPENAI_REVOKE_URL", fakes.openAiRevokeUrl()))) {
      ApiResponse started = server.post("/api/auth/oauth/openai", null);
      Browser.get(Browser.redirectOf(started.text("auth_url")));

      ApiResponse deleted = server.delete("/api/auth/openai");

      assertThat(deleted.status()).isEqualTo(200);
      assertThat(deleted.text("message")).isEqualTo("Deleted the stored credentials for OpenAI.");
      assertThat(fakes.requestCount(Endpoint.OPENAI_REVOKE)).isEqualTo(1);
      Map<String, String> revoked = fakes.lastRequest(Endpoint.OPENAI_REVOKE).orElseThrow().bodyParameters();
      assertThat(revoked).containsEntry("token_type_hint", "refresh_token");
      assertThat(fakes.isRefreshTokenLive(revoked.get("token"))).isFalse();
    }
  }

  @Test
  void failedRevocationStillDeletesLocally() {
    try (TestServer server = server(Map.of("MIX_AUTH_OPENAI_REVOKE_URL", fakes.openAiRevokeUrl()))) {
      ApiResponse started = server.post("/api/auth/oauth/openai", null);
      Browser.get(Browser.redirectOf(started.text("auth_url")));
      fakes.failNext(Endpoint.OPENAI_REVOKE, Failure.serverError(500));

      ApiResponse deleted = server.delete("/api/auth/openai");

      assertThat(deleted.status()).isEqualTo(200);
      assertThat(deleted.text("message")).contains("Revoking the refresh token at OpenAI failed");
      assertThat(server.get("/api/auth/status").json().path("providers").path("openai").path("authenticated").asBoolean())
          .isFalse();
    }
  }
}
