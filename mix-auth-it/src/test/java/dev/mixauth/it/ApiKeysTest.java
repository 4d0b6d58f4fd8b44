package dev.mixauth.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mixauth.fakes.Endpoint;
import dev.mixauth.fakes.Failure;
import dev.mixauth.sdk.Authentication;
import dev.mixauth.sdk.Mix;
import dev.mixauth.sdk.RetryConfig;
import dev.mixauth.sdk.errors.ErrorResponse;
import dev.mixauth.sdk.errors.MixDefaultError;
import dev.mixauth.sdk.models.AuthMethod;
import dev.mixauth.sdk.models.Provider;
import dev.mixauth.sdk.models.ProviderStatus;
import dev.mixauth.sdk.models.SetApiKeyResponse;
import dev.mixauth.sdk.models.StoreApiKeyResponse;
import java.time.Duration;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/** storeApiKey and setApiKey through the SDK against the real server and the fake providers. */
class ApiKeysTest extends FakesServerTest {

  private static final String OPENROUTER_KEY = "sk-or-v1-0123456789abcdef0123456789abcdefa9F2";
  private static final String ANTHROPIC_KEY = "sk-ant-api03-GoodKeyAcceptedByTheFake-0001";
  private static final String UNKNOWN_ANTHROPIC_KEY = "sk-ant-api03-KeyTheFakeDoesNotKnow-0002";

  /** A policy that retries quickly, so that a test of retries takes milliseconds. */
  private static final RetryConfig FAST_RETRIES =
      RetryConfig.backoff(
          Duration.ofMillis(10), Duration.ofMillis(10), 1.0, Duration.ofSeconds(5), false);

  @BeforeEach
  void acceptAnthropicKey() {
    fakes.acceptApiKey("anthropic", ANTHROPIC_KEY);
  }

  private ProviderStatus status(Provider provider) {
    return auth.getAuthStatus().statusOf(provider).orElseThrow();
  }

  @ParameterizedTest
  @EnumSource(CallStyle.class)
  void storeApiKeyStoresKey(CallStyle style) {
    StoreApiKeyResponse response =
        style.call(
            () -> auth.storeApiKey(OPENROUTER_KEY, Provider.OPENROUTER),
            () -> auth.storeApiKeyAsync(OPENROUTER_KEY, Provider.OPENROUTER));

    assertThat(response.status()).isEqualTo("success");
    assertThat(response.provider()).isEqualTo("openrouter");
    assertThat(response.message()).contains("sk-or-v1-…a9F2");
    assertThat(response.message()).doesNotContain(OPENROUTER_KEY);
    ProviderStatus stored = status(Provider.OPENROUTER);
    assertThat(stored.authenticated()).isTrue();
    assertThat(stored.authMethod()).isEqualTo(AuthMethod.API_KEY);
    assertThat(stored.keyHint()).isEqualTo("sk-or-v1-…a9F2");
  }

  @ParameterizedTest
  @EnumSource(CallStyle.class)
  void storeApiKeyMalformedKeyIs400(CallStyle style) {
    ErrorResponse error =
        style.failure(
            ErrorResponse.class,
            () -> auth.storeApiKey(OPENROUTER_KEY, Provider.ANTHROPIC),
            () -> auth.storeApiKeyAsync(OPENROUTER_KEY, Provider.ANTHROPIC));

    assertThat(error.statusCode()).isEqualTo(400);
    assertThat(error.error().code()).isEqualTo(400);
    assertThat(error.error().type()).isEqualTo("validation_error");
    assertThat(error.error().message()).startsWith("api_key looks like an OpenRouter key");
    assertThat(error.getMessage()).doesNotContain(OPENROUTER_KEY);
    assertThat(status(Provider.ANTHROPIC).authenticated()).isFalse();
  }

  @ParameterizedTest
  @EnumSource(CallStyle.class)
  void storeApiKeyEmptyKeyIs400(CallStyle style) {
    ErrorResponse error =
        style.failure(
            ErrorResponse.class,
            () -> auth.storeApiKey("", Provider.OPENROUTER),
            () -> auth.storeApiKeyAsync("", Provider.OPENROUTER));

    assertThat(error.statusCode()).isEqualTo(400);
    assertThat(error.error().type()).isEqualTo("validation_error");
    assertThat(error.error().message()).startsWith("api_key is empty");
  }

  /**
   * Bodies that the SDK cannot produce, because its {@code Provider} parameter is an enum, with the
   * start of the server's message for each.
   */
  static Stream<Arguments> badProviderBodies() {
    String missing = "{\"api_key\":\"" + OPENROUTER_KEY + "\"}";
    String unknown = "{\"api_key\":\"" + OPENROUTER_KEY + "\",\"provider\":\"gemini\"}";
    return Stream.of(CallStyle.values())
        .flatMap(
            style ->
                Stream.of(
                    Arguments.of(style, missing, "provider is required."),
                    Arguments.of(style, unknown, "provider \"gemini\" is not a supported provider")));
  }

  @ParameterizedTest
  @MethodSource("badProviderBodies")
  void storeApiKeyBadProviderIs400(CallStyle style, String body, String expectedMessage) {
    try (Mix rewriting = server.clientBuilder().httpClient(new FixedBodyHttpClient(body)).build()) {
      Authentication rewritingAuth = rewriting.authentication();

      ErrorResponse error =
          style.failure(
              ErrorResponse.class,
              () -> rewritingAuth.storeApiKey(OPENROUTER_KEY, Provider.OPENROUTER),
              () -> rewritingAuth.storeApiKeyAsync(OPENROUTER_KEY, Provider.OPENROUTER));

      assertThat(error.statusCode()).isEqualTo(400);
      assertThat(error.error().type()).isEqualTo("validation_error");
      assertThat(error.error().message()).startsWith(expectedMessage);
    }
  }

  @ParameterizedTest
  @EnumSource(CallStyle.class)
  void setApiKeyAcceptedKeyIsStored(CallStyle style) {
    SetApiKeyResponse response =
        style.call(() -> auth.setApiKey(ANTHROPIC_KEY), () -> auth.setApiKeyAsync(ANTHROPIC_KEY));

    assertThat(response.success()).isTrue();
    ProviderStatus stored = status(Provider.ANTHROPIC);
    assertThat(stored.authMethod()).isEqualTo(AuthMethod.API_KEY);
    assertThat(stored.keyHint()).isEqualTo("sk-ant-api03-…0001");
    assertThat(fakes.requestCount(Endpoint.ANTHROPIC_MODELS)).isEqualTo(1);
  }

  @ParameterizedTest
  @EnumSource(CallStyle.class)
  void setApiKeyMalformedKeyIs400(CallStyle style) {
    ErrorResponse error =
        style.failure(
            ErrorResponse.class,
            () -> auth.setApiKey(OPENROUTER_KEY),
            () -> auth.setApiKeyAsync(OPENROUTER_KEY));

    assertThat(error.statusCode()).isEqualTo(400);
    assertThat(error.error().type()).isEqualTo("validation_error");
    assertThat(error.error().message()).startsWith("apiKey looks like an OpenRouter key");
    assertThat(fakes.requestCount(Endpoint.ANTHROPIC_MODELS)).isZero();
  }

  @ParameterizedTest
  @EnumSource(CallStyle.class)
  void setApiKeyRejectedKeyIs401(CallStyle style) {
    ErrorResponse error =
        style.failure(
            ErrorResponse.class,
            () -> auth.setApiKey(UNKNOWN_ANTHROPIC_KEY),
            () -> auth.setApiKeyAsync(UNKNOWN_ANTHROPIC_KEY));

    assertThat(error.statusCode()).isEqualTo(401);
    assertThat(error.error().type()).isEqualTo("unauthorized");
    assertThat(error.error().message()).contains("Anthropic rejected the API key");
    assertThat(error.getMessage()).doesNotContain(UNKNOWN_ANTHROPIC_KEY);
    assertThat(status(Provider.ANTHROPIC).authenticated()).isFalse();
  }

  @ParameterizedTest
  @EnumSource(CallStyle.class)
  void setApiKeyFailingProviderIs502(CallStyle style) {
    fakes.failAlways(Endpoint.ANTHROPIC_MODELS, Failure.serverError(503));
    RecordingListener listener = new RecordingListener();
    try (Mix recorded = server.clientBuilder().listener(listener).build()) {
      Authentication recordedAuth = recorded.authentication();
      RetryConfig once = RetryConfig.none();

      MixDefaultError error =
          style.failure(
              MixDefaultError.class,
              () -> recordedAuth.setApiKey(ANTHROPIC_KEY, once),
              () -> recordedAuth.setApiKeyAsync(ANTHROPIC_KEY, once));

      assertThat(error.statusCode()).isEqualTo(502);
      assertThat(error.getMessage()).contains("Could not check the API key with Anthropic");
      assertThat(listener.responses()).hasSize(1);
      assertThat(status(Provider.ANTHROPIC).authenticated()).isFalse();
    }
  }

  @ParameterizedTest
  @EnumSource(CallStyle.class)
  void setApiKey502IsRetriedUntilSuccess(CallStyle style) {
    fakes.failNext(Endpoint.ANTHROPIC_MODELS, Failure.serverError(503));
    RecordingListener listener = new RecordingListener();
    try (Mix recorded = server.clientBuilder().listener(listener).build()) {
      Authentication recordedAuth = recorded.authentication();

      SetApiKeyResponse response =
          style.call(
              () -> recordedAuth.setApiKey(ANTHROPIC_KEY, FAST_RETRIES),
              () -> recordedAuth.setApiKeyAsync(ANTHROPIC_KEY, FAST_RETRIES));

      assertThat(response.success()).isTrue();
      assertThat(listener.responses())
          .extracting(event -> event.statusCode())
          .containsExactly(502, 200);
    }
  }
}
