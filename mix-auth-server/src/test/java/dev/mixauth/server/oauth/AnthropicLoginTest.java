package dev.mixauth.server.oauth;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mixauth.fakes.Endpoint;
import dev.mixauth.fakes.Failure;
import dev.mixauth.fakes.FakeProviders;
import dev.mixauth.fakes.Provider;
import dev.mixauth.server.testing.ApiResponse;
import dev.mixauth.server.testing.Fakes;
import dev.mixauth.server.testing.TestServer;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AnthropicLoginTest {
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

  private ApiResponse startLogin() {
    ApiResponse started = server.post("/api/auth/oauth/anthropic", null);
    assertThat(started.status()).as(started.body()).isEqualTo(200);
    return started;
  }

  private ApiResponse callback(String code, String state) {
    Map<String, Object> body = new HashMap<>();
    body.put("provider", "anthropic");
    body.put("code", code);
    if (state != null) {
      body.put("state", state);
    }
    return server.post("/api/auth/oauth-callback", body);
  }

  @Test
  void loginCompletesAndStatusShowsOAuth() {
    ApiResponse started = startLogin();
    String pasted = Fakes.approve(started.text("auth_url"));

    ApiResponse done = callback(pasted, started.text("state"));

    assertThat(done.status()).isEqualTo(200);
    assertThat(done.text("status")).isEqualTo("success");
    assertThat(done.text("provider")).isEqualTo("anthropic");
    assertThat(done.json().path("expires_in").asLong()).isBetween(28_700L, 28_800L);
    var entry = server.get("/api/auth/status").json().path("providers").path("anthropic");
    assertThat(entry.path("auth_method").asText()).isEqualTo("oauth");
    assertThat(entry.path("source").asText()).isEqualTo("stored");
    assertThat(entry.path("expires_at").asText()).endsWith("Z");
    assertThat(fakes.successfulExchanges(Provider.ANTHROPIC)).isEqualTo(1);
  }

  @Test
  void authorizationUrlUsesS256AndIndependentState() {
    ApiResponse started = startLogin();
    Map<String, String> query = query(started.text("auth_url"));

    assertThat(query).containsEntry("code_challenge_method", "S256");
    assertThat(query).containsEntry("response_type", "code");
    assertThat(query).containsEntry("client_id", "9d1c250a-e61b-44d9-88ed-5944d1962f5e");
    assertThat(query).containsEntry("scope", "org:create_api_key user:profile user:inference");
    assertThat(query.get("state")).isEqualTo(started.text("state")).hasSize(43);
    assertThat(query.get("code_challenge")).hasSize(43).isNotEqualTo(query.get("state"));
    assertThat(started.text("message")).contains("POST /api/auth/oauth-callback");
  }

  @Test
  void exchangeSendsJsonWithStateAndVerifier() throws Exception {
    ApiResponse started = startLogin();
    callback(Fakes.approve(started.text("auth_url")), started.text("state"));

    var request = fakes.lastRequest(Endpoint.ANTHROPIC_TOKEN).orElseThrow();
    assertThat(request.contentType()).startsWith("application/json");
    var body = new ObjectMapper().readTree(request.body());
    assertThat(body.path("grant_type").asText()).isEqualTo("authorization_code");
    assertThat(body.path("state").asText()).isEqualTo(started.text("state"));
    assertThat(body.path("code_verifier").asText()).hasSize(43);
    assertThat(body.path("redirect_uri").asText()).isEqualTo("https://console.anthropic.com/oauth/code/callback");
  }

  @Test
  void everyPastedShapeCompletes() {
    String[] shapes = {"%s#%s\r\n", "  %s#%s  ", "https://console.anthropic.com/oauth/code/callback?code=%s&state=%s",
        "code=%s&state=%s"};
    for (String shape : shapes) {
      ApiResponse started = startLogin();
      String[] parts = Fakes.approve(started.text("auth_url")).split("#", 2);

      ApiResponse done = callback(String.format(shape, parts[0], parts[1]), null);

      assertThat(done.status()).as(shape).isEqualTo(200);
    }
    assertThat(fakes.successfulExchanges(Provider.ANTHROPIC)).isEqualTo(shapes.length);
  }

  @Test
  void badStatesNeverReachTheProvider() {
    ApiResponse started = startLogin();
    String[] parts = Fakes.approve(started.text("auth_url")).split("#", 2);

    ApiResponse foreignState = callback(parts[0] + "#other", "other");
    ApiResponse noState = callback(parts[0], null);
    ApiResponse mismatch = callback(parts[0] + "#" + parts[1], "different-state");

    assertThat(foreignState.status()).isEqualTo(400);
    assertThat(foreignState.errorMessage()).contains("does not belong to any sign-in");
    assertThat(noState.status()).isEqualTo(400);
    assertThat(noState.errorMessage()).startsWith("state is required");
    assertThat(mismatch.status()).isEqualTo(400);
    assertThat(mismatch.errorMessage()).contains("does not match the state field");
    assertThat(fakes.requestCount(Endpoint.ANTHROPIC_TOKEN)).isZero();

    ApiResponse real = callback(parts[0] + "#" + parts[1], null);
    assertThat(real.status()).isEqualTo(200);
  }

  @Test
  void twoPendingLoginsBothComplete() {
    ApiResponse first = startLogin();
    ApiResponse second = startLogin();
    String firstCode = Fakes.approve(first.text("auth_url"));
    String secondCode = Fakes.approve(second.text("auth_url"));

    assertThat(callback(firstCode, null).status()).isEqualTo(200);
    assertThat(callback(secondCode, null).status()).isEqualTo(200);
  }

  @Test
  void repeatedCallbackAnswersSameSuccessWithoutSecondExchange() {
    ApiResponse started = startLogin();
    String pasted = Fakes.approve(started.text("auth_url"));

    ApiResponse first = callback(pasted, null);
    ApiResponse again = callback(pasted, null);

    assertThat(again.status()).isEqualTo(200);
    assertThat(again.text("status")).isEqualTo("success");
    assertThat(again.json().path("expires_in").asLong()).isCloseTo(first.json().path("expires_in").asLong(),
        org.assertj.core.data.Offset.offset(2L));
    assertThat(fakes.requestCount(Endpoint.ANTHROPIC_TOKEN)).isEqualTo(1);
  }

  @Test
  void differentCodeForUsedStateIs400() {
    ApiResponse started = startLogin();
    String[] parts = Fakes.approve(started.text("auth_url")).split("#", 2);
    callback(parts[0] + "#" + parts[1], null);

    ApiResponse other = callback("another-code-value#" + parts[1], null);

    assertThat(other.status()).isEqualTo(400);
    assertThat(other.errorMessage()).contains("already completed with another code");
  }

  @Test
  void expiredStateIs400() {
    ApiResponse started = startLogin();
    String pasted = Fakes.approve(started.text("auth_url"));
    server.clock().advance(Duration.ofMinutes(11));

    ApiResponse late = callback(pasted, null);

    assertThat(late.status()).isEqualTo(400);
    assertThat(late.errorMessage()).contains("expired 1 minutes ago").contains("start a new one");
    assertThat(fakes.requestCount(Endpoint.ANTHROPIC_TOKEN)).isZero();
  }

  @Test
  void rejectedCodeUsesUpTheFlow() {
    ApiResponse started = startLogin();
    String pasted = Fakes.approve(started.text("auth_url"));
    fakes.failNext(Endpoint.ANTHROPIC_TOKEN, Failure.invalidGrant());

    ApiResponse rejected = callback(pasted, null);
    ApiResponse retried = callback(pasted, null);

    assertThat(rejected.status()).isEqualTo(400);
    assertThat(rejected.errorMessage()).contains("Anthropic rejected the authorization code (invalid_grant");
    assertThat(retried.status()).isEqualTo(400);
    assertThat(retried.errorMessage()).contains("already used");
    assertThat(server.get("/api/auth/status").json().path("providers").path("anthropic").path("authenticated").asBoolean())
        .isFalse();
  }

  @Test
  void providerFailuresAre502AndFlowStaysUsable() {
    Failure[] failures = {
      Failure.htmlPage(), Failure.challengePage(), Failure.notFound(), Failure.emptyServerError(),
      Failure.serverError(503), Failure.rateLimited(Duration.ofSeconds(7)), Failure.dropConnection(),
      Failure.slow(Duration.ofSeconds(3))
    };
    for (Failure failure : failures) {
      ApiResponse started = startLogin();
      String pasted = Fakes.approve(started.text("auth_url"));
      fakes.failNext(Endpoint.ANTHROPIC_TOKEN, failure);

      ApiResponse failed = callback(pasted, null);

      assertThat(failed.status()).as(failure.toString()).isEqualTo(502);
      assertThat(failed.errorMessage()).as(failure.toString())
          .contains("Could not complete the Anthropic sign-in")
          .contains("Nothing was stored");
      assertThat(failed.body()).doesNotContain(pasted.split("#")[0]);
      assertThat(server.get("/api/auth/status").json().path("providers").path("anthropic").path("authenticated").asBoolean())
          .as(failure.toString()).isFalse();

      ApiResponse retried = callback(pasted, null);
      assertThat(retried.status()).as(failure + " then retry").isEqualTo(200);
      server.delete("/api/auth/anthropic");
    }
  }

  @Test
  void failureMessageNamesStatusAndContentType() {
    ApiResponse started = startLogin();
    String pasted = Fakes.approve(started.text("auth_url"));
    fakes.failNext(Endpoint.ANTHROPIC_TOKEN, Failure.htmlPage());

    ApiResponse failed = callback(pasted, null);

    assertThat(failed.errorMessage()).contains("HTTP 200").contains("text/html");
  }

  @Test
  void pendingLoginSurvivesRestart() {
    ApiResponse started = startLogin();
    String pasted = Fakes.approve(started.text("auth_url"));

    server.restart();
    ApiResponse done = callback(pasted, null);

    assertThat(done.status()).isEqualTo(200);
  }

  @Test
  void pendingLoginsAreCapped() {
    for (int i = 0; i < 50; i++) {
      startLogin();
    }

    ApiResponse over = server.post("/api/auth/oauth/anthropic", null);

    assertThat(over.status()).isEqualTo(429);
    assertThat(over.errorMessage()).contains("already 50 unfinished Anthropic sign-ins");
    server.clock().advance(Duration.ofMinutes(11));
    assertThat(server.post("/api/auth/oauth/anthropic", null).status()).isEqualTo(200);
  }

  @Test
  void initiateLoginReturnsCamelCaseUrl() {
    ApiResponse response = server.post("/api/auth/login", null);

    assertThat(response.status()).isEqualTo(200);
    assertThat(response.text("authUrl")).startsWith(fakes.anthropicAuthorizeUrl());
  }

  @Test
  void callbackForProviderWithoutOAuthIs400() {
    ApiResponse start = server.post("/api/auth/oauth/openrouter", null);

    assertThat(start.status()).isEqualTo(400);
    assertThat(start.errorMessage()).contains("OpenRouter has no OAuth sign-in");
  }

  @Test
  void stateOfAnotherProviderIs400() {
    ApiResponse started = startLogin();
    String pasted = Fakes.approve(started.text("auth_url"));

    ApiResponse wrong = server.post("/api/auth/oauth-callback", Map.of("provider", "openrouter", "code", pasted, "state",
        started.text("state")));

    assertThat(wrong.status()).isEqualTo(400);
    assertThat(fakes.requestCount(Endpoint.ANTHROPIC_TOKEN)).isZero();
  }

  private static Map<String, String> query(String url) {
    Map<String, String> query = new HashMap<>();
    for (String pair : URI.create(url).getRawQuery().split("&")) {
      String[] kv = pair.split("=", 2);
      query.put(kv[0], URLDecoder.decode(kv[1], StandardCharsets.UTF_8));
    }
    return query;
  }
}
