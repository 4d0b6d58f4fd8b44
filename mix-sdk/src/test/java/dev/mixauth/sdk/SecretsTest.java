package dev.mixauth.sdk;

import static dev.mixauth.sdk.FakeServer.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.mixauth.sdk.errors.ErrorResponse;
import dev.mixauth.sdk.errors.MixConnectionException;
import dev.mixauth.sdk.errors.MixDefaultError;
import dev.mixauth.sdk.errors.ResponseValidationError;
import dev.mixauth.sdk.models.InitiateOAuthLoginResponse;
import dev.mixauth.sdk.models.Provider;
import dev.mixauth.sdk.models.SecretHint;
import dev.mixauth.sdk.models.StartOAuthFlowResponse;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SecretsTest {

  private static final String KEY = "sk-or-v1-0123456789abcdef0123456789abcdefa9F2";
  private static final String CODE = "ac_8Hq2LmZx0pRtYvW3nK5sJd7fGb";
  private static final String STATE = "st_Q9wE4rT6yU8iO0pA2sD4fG6hJ8kL";

  private final List<Object> events = new CopyOnWriteArrayList<>();
  private FakeServer server;
  private Mix mix;

  @BeforeEach
  void start() throws Exception {
    server = FakeServer.start();
    mix =
        Mix.builder()
            .serverUrl(server.url())
            .retryConfig(RetryConfig.none())
            .header("Authorization", "Bearer tok-Zx81bq0Lr5Wm3kPa9s")
            .listener(
                new MixListener() {
                  @Override
                  public void onRequest(RequestEvent event) {
                    events.add(event);
                  }

                  @Override
                  public void onResponse(ResponseEvent event) {
                    events.add(event);
                  }
                })
            .build();
  }

  @AfterEach
  void stop() {
    mix.close();
    server.close();
  }

  @ParameterizedTest
  @CsvSource({
    "sk-or-v1-0123456789abcdef0123456789abcdefa9F2, sk-or-…a9F2",
    "sk-ant-api03-abcdefghijklmnopqrstuvwxyz1234, sk-ant-…1234",
    "sk-proj-abcdefghijklmnopqrstuvwxyz5678, sk-proj-…5678",
    "abcdefghijklmnopqrstuvwxyz, …wxyz",
    "abcdefghijklmnopqrst, …qrst",
    "abcdefghijklmnopqrs, …",
    "sk-short, …"
  })
  void hintKeepsPrefixAndLastFour(String secret, String hint) {
    assertThat(SecretHint.of(secret)).isEqualTo(hint);
  }

  @Test
  void hintOfEmptyAndNull() {
    assertThat(SecretHint.of("")).isEqualTo("…");
    assertThat(SecretHint.of(null)).isNull();
  }

  @Test
  void startOAuthFlowToStringHidesState() {
    StartOAuthFlowResponse response =
        new StartOAuthFlowResponse(
            "https://claude.ai/oauth/authorize?code=true&state=" + STATE, STATE, "Open the URL.");

    assertThat(response.toString())
        .isEqualTo(
            "StartOAuthFlowResponse[authUrl=https://claude.ai/oauth/authorize?…,"
                + " state=…J8kL, message=Open the URL.]");
  }

  @Test
  void initiateOAuthLoginToStringHidesQuery() {
    InitiateOAuthLoginResponse response =
        new InitiateOAuthLoginResponse("https://claude.ai/oauth/authorize?state=" + STATE);

    assertThat(response.toString())
        .isEqualTo("InitiateOAuthLoginResponse[authUrl=https://claude.ai/oauth/authorize?…]");
  }

  @Test
  void listenerSeesHintedApiKey() {
    server.enqueue(
        json(200, "{\"status\":\"success\",\"provider\":\"openrouter\",\"message\":\"Stored.\"}"));

    mix.authentication().storeApiKey(KEY, Provider.OPENROUTER);

    assertThat(events).hasSize(2);
    MixListener.RequestEvent request = (MixListener.RequestEvent) events.get(0);
    assertThat(request.operation()).isEqualTo("storeApiKey");
    assertThat(request.method()).isEqualTo("POST");
    assertThat(request.path()).isEqualTo("/api/auth/api-key");
    assertThat(request.attempt()).isEqualTo(1);
    assertThat(request.body())
        .isEqualTo("{\"api_key\":\"sk-or-…a9F2\",\"provider\":\"openrouter\"}");
    MixListener.ResponseEvent response = (MixListener.ResponseEvent) events.get(1);
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.attempt()).isEqualTo(1);
    assertThat(response.duration().isNegative()).isFalse();
    assertThat(response.failure()).isEmpty();
    assertThat(events.toString()).doesNotContain(KEY);
  }

  @Test
  void listenerSeesHintedCodeAndState() {
    server.enqueue(
        json(
            200,
            "{\"status\":\"success\",\"provider\":\"anthropic\",\"message\":\"m\","
                + "\"expires_in\":3600}"));

    mix.authentication().handleOAuthCallback(CODE + "#" + STATE, "anthropic", STATE);

    MixListener.RequestEvent request = (MixListener.RequestEvent) events.get(0);
    assertThat(request.body())
        .isEqualTo("{\"provider\":\"anthropic\",\"code\":\"…J8kL\",\"state\":\"…J8kL\"}");
    assertThat(events.toString()).doesNotContain(CODE).doesNotContain(STATE);
  }

  @Test
  void listenerNeverSeesHeaders() {
    server.enqueue(json(200, "{\"success\":true}"));

    mix.authentication().setApiKey(KEY);

    assertThat(server.onlyRequest().headers().getFirst("Authorization"))
        .isEqualTo("Bearer tok-Zx81bq0Lr5Wm3kPa9s");
    assertThat(events.toString()).doesNotContain("tok-Zx81bq0Lr5Wm3kPa9s").doesNotContain(KEY);
  }

  @Test
  void errorMessageHidesEchoedKey() {
    server.enqueue(
        FakeServer.error(400, "validation_error", "key " + KEY + " is not an OpenRouter key"));

    ErrorResponse error =
        catchThrowableOfType(
            ErrorResponse.class, () -> mix.authentication().storeApiKey(KEY, Provider.OPENROUTER));

    assertThat(error)
        .hasMessage(
            "storeApiKey failed with status 400 (validation_error): key sk-or-…a9F2 is not an"
                + " OpenRouter key");
  }

  @Test
  void nonJsonErrorMessageHidesEchoedState() {
    server.enqueue(FakeServer.text(502, "text/html", "<p>upstream rejected " + STATE + "</p>"));

    MixDefaultError error =
        catchThrowableOfType(
            MixDefaultError.class,
            () -> mix.authentication().handleOAuthCallback(CODE, "anthropic", STATE));

    assertThat(error.getMessage()).endsWith("<p>upstream rejected …J8kL</p>").doesNotContain(STATE);
  }

  @Test
  void validationMessageHidesEchoedKey() {
    server.enqueue(json(200, "{\"success\":\"" + KEY + "\"}"));

    ResponseValidationError error =
        catchThrowableOfType(
            ResponseValidationError.class, () -> mix.authentication().setApiKey(KEY));

    assertThat(error.getMessage()).contains("sk-or-…a9F2").doesNotContain(KEY);
  }

  @Test
  void connectionMessageHasNoKey() throws Exception {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      closedPort = socket.getLocalPort();
    }

    try (Mix offline =
        Mix.builder()
            .serverUrl("http://127.0.0.1:" + closedPort)
            .retryConfig(RetryConfig.none())
            .build()) {
      MixConnectionException error =
          catchThrowableOfType(
              MixConnectionException.class,
              () -> offline.authentication().storeApiKey(KEY, Provider.OPENROUTER));

      assertThat(error.getMessage()).startsWith("storeApiKey failed: no response from");
      assertThat(error.getMessage()).doesNotContain(KEY).doesNotContain("sk-or-v1-0123");
    }
  }
}
