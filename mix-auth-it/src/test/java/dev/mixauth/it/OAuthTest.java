package dev.mixauth.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.mixauth.fakes.Endpoint;
import dev.mixauth.fakes.Failure;
import dev.mixauth.fakes.FakeProviders;
import dev.mixauth.sdk.Authentication;
import dev.mixauth.sdk.Mix;
import dev.mixauth.sdk.errors.ErrorResponse;
import dev.mixauth.sdk.errors.MixDefaultError;
import dev.mixauth.sdk.models.AuthMethod;
import dev.mixauth.sdk.models.HandleOAuthCallbackResponse;
import dev.mixauth.sdk.models.InitiateOAuthLoginResponse;
import dev.mixauth.sdk.models.OAuthHealthResponse;
import dev.mixauth.sdk.models.OAuthProviderHealth;
import dev.mixauth.sdk.models.Provider;
import dev.mixauth.sdk.models.ProviderStatus;
import dev.mixauth.sdk.models.RefreshOAuthTokensResponse;
import dev.mixauth.sdk.models.StartOAuthFlowResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The OAuth operations through the SDK against the real server, with the fake Anthropic sign-in
 * playing the provider and {@link Browser} playing the user.
 */
class OAuthTest extends FakesServerTest {

  /** Access token lifetime of the fake Anthropic token endpoint, 8 hours. */
  private static final long FAKE_EXPIRES_IN_SECONDS =
      FakeProviders.ANTHROPIC_DEFAULT_EXPIRES_IN.toSeconds();

  @ParameterizedTest
  @EnumSource(CallStyle.class)
  void startOAuthFlowReturnsFakeAuthorizeUrl(CallStyle style) {
    StartOAuthFlowResponse started =
        style.call(
            () -> auth.startOAuthFlow("anthropic"), () -> auth.startOAuthFlowAsync("anthropic"));

    assertThat(started.authUrl()).startsWith(fakes.anthropicAuthorizeUrl() + "?");
    assertThat(started.authUrl()).contains("state=" + started.state());
    assertThat(started.message()).contains("/api/auth/oauth-callback");
    assertThat(started.toString()).doesNotContain(started.state());
  }

  @ParameterizedTest
  @EnumSource(CallStyle.class)
  void loginCompletesThroughCallback(CallStyle style) {
    StartOAuthFlowResponse started = auth.startOAuthFlow("anthropic");
    String pasted = Browser.approve(started.authUrl());
    Instant before = Instant.now();

    HandleOAuthCallbackResponse done =
        style.call(
            () -> auth.handleOAuthCallback(pasted, "anthropic", started.state()),
            () -> auth.handleOAuthCallbackAsync(pasted, "anthropic", started.state()));

    assertThat(done.status()).isEqualTo("success");
    assertThat(done.provider()).isEqualTo("anthropic");
    assertThat(done.expiresIn()).isBetween(FAKE_EXPIRES_IN_SECONDS - 60, FAKE_EXPIRES_IN_SECONDS);
    ProviderStatus status = auth.getAuthStatus().statusOf(Provider.ANTHROPIC).orElseThrow();
    assertThat(status.authenticated()).isTrue();
    assertThat(status.authMethod()).isEqualTo(AuthMethod.OAUTH);
    assertThat(status.source()).isEqualTo("stored");
    assertThat(status.keyHint()).isNull();
    assertThat(status.expiresAt())
        .isCloseTo(before.plusSeconds(FAKE_EXPIRES_IN_SECONDS), within(1, ChronoUnit.MINUTES));
    assertThat(fakes.successfulExchanges(dev.mixauth.fakes.Provider.ANTHROPIC)).isEqualTo(1);
  }

  @ParameterizedTest
  @EnumSource(CallStyle.class)
  void initiateOAuthLoginCompletesWithPastedCode(CallStyle style) {
    InitiateOAuthLoginResponse login =
        style.call(() -> auth.initiateOAuthLogin(), () -> auth.initiateOAuthLoginAsync());
    String pasted = Browser.approve(login.authUrl());

    HandleOAuthCallbackResponse done =
        auth.handleOAuthCallback(pasted, "anthropic", Browser.stateOf(pasted));

    assertThat(login.authUrl()).startsWith(fakes.anthropicAuthorizeUrl() + "?");
    assertThat(done.status()).isEqualTo("success");
    assertThat(auth.getAuthStatus().statusOf(Provider.ANTHROPIC).orElseThrow().authMethod())
        .isEqualTo(AuthMethod.OAUTH);
  }

  @ParameterizedTest
  @EnumSource(CallStyle.class)
  void initiateOAuthLoginSwitchedOffIsDefaultError(CallStyle style) {
    server.close();
    server = RunningServer.start(dataDir, fakes, Map.of("MIX_AUTH_ANTHROPIC_OAUTH", "disabled"));
    try (Mix off = server.client()) {
      Authentication offAuth = off.authentication();

      // 400 is not among the statuses that initiateOAuthLogin lists (401, 500).
      MixDefaultError error =
          style.failure(
              MixDefaultError.class,
              () -> offAuth.initiateOAuthLogin(),
              () -> offAuth.initiateOAuthLoginAsync());

      assertThat(error.statusCode()).isEqualTo(400);
      assertThat(error.getMessage()).contains("Anthropic OAuth sign-in is turned off");
      assertThat(error.body()).contains("\"type\":\"validation_error\"");
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"gemini", "openrouter", "Anthropic"})
  void startOAuthFlowUnsupportedProviderIs400(String provider) {
    for (CallStyle style : CallStyle.values()) {
      ErrorResponse error =
          style.failure(
              ErrorResponse.class,
              () -> auth.startOAuthFlow(provider),
              () -> auth.startOAuthFlowAsync(provider));

      assertThat(error.statusCode()).as(style.name()).isEqualTo(400);
      assertThat(error.error().type()).as(style.name()).isEqualTo("validation_error");
    }
  }

  @ParameterizedTest
  @EnumSource(CallStyle.class)
  void handleOAuthCallbackUnknownStateIs400(CallStyle style) {
    StartOAuthFlowResponse started = auth.startOAuthFlow("anthropic");
    String code = Browser.approve(started.authUrl()).split("#", 2)[0];
    String foreignState = "state-that-no-sign-in-issued-0123456789";

    ErrorResponse error =
        style.failure(
            ErrorResponse.class,
            () -> auth.handleOAuthCallback(code, "anthropic", foreignState),
            () -> auth.handleOAuthCallbackAsync(code, "anthropic", foreignState));

    assertThat(error.statusCode()).isEqualTo(400);
    assertThat(error.error().type()).isEqualTo("validation_error");
    assertThat(error.getMessage()).doesNotContain(code);
    assertThat(fakes.requestCount(Endpoint.ANTHROPIC_TOKEN)).isZero();
  }

  @ParameterizedTest
  @EnumSource(CallStyle.class)
  void handleOAuthCallbackRejectedCodeIs400(CallStyle style) {
    StartOAuthFlowResponse started = auth.startOAuthFlow("anthropic");
    String pasted = Browser.approve(started.authUrl());
    fakes.failNext(Endpoint.ANTHROPIC_TOKEN, Failure.invalidGrant());

    ErrorResponse error =
        style.failure(
            ErrorResponse.class,
            () -> auth.handleOAuthCallback(pasted, "anthropic", started.state()),
            () -> auth.handleOAuthCallbackAsync(pasted, "anthropic", started.state()));

    assertThat(error.statusCode()).isEqualTo(400);
    assertThat(error.error().message()).contains("Anthropic rejected the authorization code");
    assertThat(auth.getAuthStatus().statusOf(Provider.ANTHROPIC).orElseThrow().authenticated())
        .isFalse();
  }

  @ParameterizedTest
  @EnumSource(CallStyle.class)
  void getOAuthHealthWithoutTokensIsHealthy(CallStyle style) {
    OAuthHealthResponse health =
        style.call(() -> auth.getOAuthHealth(), () -> auth.getOAuthHealthAsync());

    assertThat(health.status()).isEqualTo("healthy");
    assertThat(health.timestamp()).isCloseTo(Instant.now(), within(1, ChronoUnit.MINUTES));
    assertThat(health.providers()).containsOnlyKeys("anthropic", "openai");
    assertThat(health.providers().get("anthropic").status()).isEqualTo("not_found");
  }

  @ParameterizedTest
  @EnumSource(CallStyle.class)
  void getOAuthHealthAfterLoginIsActive(CallStyle style) {
    StartOAuthFlowResponse started = auth.startOAuthFlow("anthropic");
    auth.handleOAuthCallback(Browser.approve(started.authUrl()), "anthropic", started.state());

    OAuthHealthResponse health =
        style.call(() -> auth.getOAuthHealth(), () -> auth.getOAuthHealthAsync());

    assertThat(health.status()).isEqualTo("healthy");
    OAuthProviderHealth anthropic = health.providers().get("anthropic");
    assertThat(anthropic.provider()).isEqualTo("anthropic");
    assertThat(anthropic.status()).isEqualTo("active");
    assertThat(anthropic.expiresAt()).isAfter(Instant.now().plus(Duration.ofHours(7)));
    assertThat(anthropic.expiresIn()).matches("7h59m\\d+s|8h0m0s");
    assertThat(anthropic.error()).isNull();
  }

  @ParameterizedTest
  @EnumSource(CallStyle.class)
  void refreshOAuthTokensReportsNothingDue(CallStyle style) {
    StartOAuthFlowResponse started = auth.startOAuthFlow("anthropic");
    auth.handleOAuthCallback(Browser.approve(started.authUrl()), "anthropic", started.state());

    RefreshOAuthTokensResponse refreshed =
        style.call(() -> auth.refreshOAuthTokens(), () -> auth.refreshOAuthTokensAsync());

    assertThat(refreshed.status()).isEqualTo("success");
    assertThat(refreshed.message()).isEqualTo("No OAuth token is due for refresh.");
  }
}
