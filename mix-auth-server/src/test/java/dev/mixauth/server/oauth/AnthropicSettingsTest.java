package dev.mixauth.server.oauth;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mixauth.fakes.BodyFormat;
import dev.mixauth.fakes.Endpoint;
import dev.mixauth.fakes.FakeProviders;
import dev.mixauth.server.testing.ApiResponse;
import dev.mixauth.server.testing.Fakes;
import dev.mixauth.server.testing.TestServer;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each Anthropic setting that public reports disagree on, tried with every value. */
class AnthropicSettingsTest {
  @TempDir Path dataDir;
  private FakeProviders fakes;

  @BeforeEach
  void startFakes() {
    fakes = FakeProviders.start();
  }

  @AfterEach
  void stopFakes() {
    fakes.close();
  }

  private ApiResponse login(TestServer server) {
    ApiResponse started = server.post("/api/auth/oauth/anthropic", null);
    String pasted = Fakes.approve(started.text("auth_url"));
    return server.post("/api/auth/oauth-callback", Map.of("provider", "anthropic", "code", pasted, "state",
        started.text("state")));
  }

  private TestServer server(Map<String, String> extra) {
    Map<String, String> env = Fakes.environment(fakes);
    env.putAll(extra);
    return TestServer.start(dataDir, env);
  }

  @Test
  void formEncodedExchange() {
    fakes.anthropicOptions().bodyFormat(BodyFormat.FORM);
    try (TestServer server = server(Map.of("MIX_AUTH_ANTHROPIC_TOKEN_FORMAT", "form"))) {
      ApiResponse done = login(server);

      assertThat(done.status()).as(done.body()).isEqualTo(200);
      assertThat(fakes.lastRequest(Endpoint.ANTHROPIC_TOKEN).orElseThrow().contentType())
          .startsWith("application/x-www-form-urlencoded");
      assertThat(fakes.lastRequest(Endpoint.ANTHROPIC_TOKEN).orElseThrow().bodyParameters()).containsKey("state");
    }
  }

  @Test
  void jsonExchangeAgainstFormOnlyProviderIsRejected() {
    fakes.anthropicOptions().bodyFormat(BodyFormat.FORM);
    try (TestServer server = server(Map.of())) {
      ApiResponse done = login(server);

      assertThat(done.status()).isEqualTo(400);
      assertThat(done.errorMessage()).contains("Anthropic rejected the authorization code");
    }
  }

  @Test
  void verifierStateModeSendsVerifierAsState() {
    fakes.anthropicOptions().requireStateEqualsVerifier(true);
    try (TestServer server = server(Map.of("MIX_AUTH_ANTHROPIC_STATE_MODE", "verifier"))) {
      ApiResponse done = login(server);

      assertThat(done.status()).as(done.body()).isEqualTo(200);
    }
  }

  @Test
  void independentStateFailsWhereVerifierIsRequired() {
    fakes.anthropicOptions().requireStateEqualsVerifier(true);
    try (TestServer server = server(Map.of("MIX_AUTH_ANTHROPIC_STATE_MODE", "independent"))) {
      ApiResponse done = login(server);

      assertThat(done.status()).isEqualTo(400);
    }
  }

  @Test
  void invalidSettingValueStopsStartup() {
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> server(Map.of("MIX_AUTH_ANTHROPIC_TOKEN_FORMAT", "xml")))
        .hasMessage("MIX_AUTH_ANTHROPIC_TOKEN_FORMAT must be one of [json, form], got \"xml\".");
  }
}
