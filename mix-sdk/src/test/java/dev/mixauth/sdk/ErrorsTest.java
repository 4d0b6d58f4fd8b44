package dev.mixauth.sdk;

import static dev.mixauth.sdk.FakeServer.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.mixauth.sdk.errors.ErrorResponse;
import dev.mixauth.sdk.errors.MixConnectionException;
import dev.mixauth.sdk.errors.MixDefaultError;
import dev.mixauth.sdk.errors.ResponseValidationError;
import dev.mixauth.sdk.errors.RestError;
import dev.mixauth.sdk.models.Provider;
import dev.mixauth.sdk.models.UpdatePreferencesRequest;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ErrorsTest {

  private FakeServer server;
  private Mix mix;

  @BeforeEach
  void start() throws Exception {
    server = FakeServer.start();
    mix = Mix.builder().serverUrl(server.url()).retryConfig(RetryConfig.none()).build();
  }

  @AfterEach
  void stop() {
    mix.close();
    server.close();
  }

  /** Returns every operation with each error status it documents. */
  static Stream<Arguments> documentedErrors() {
    Consumer<Mix> storeApiKey = mix -> mix.authentication().storeApiKey("k", Provider.OPENAI);
    Consumer<Mix> setApiKey = mix -> mix.authentication().setApiKey("k");
    Consumer<Mix> initiateOAuthLogin = mix -> mix.authentication().initiateOAuthLogin();
    Consumer<Mix> handleOAuthCallback =
        mix -> mix.authentication().handleOAuthCallback("c", "anthropic", "s");
    Consumer<Mix> startOAuthFlow = mix -> mix.authentication().startOAuthFlow("anthropic");
    Consumer<Mix> getAuthStatus = mix -> mix.authentication().getAuthStatus();
    Consumer<Mix> validate = mix -> mix.authentication().validatePreferredProvider();
    Consumer<Mix> deleteCredentials = mix -> mix.authentication().deleteCredentials("openai");
    Consumer<Mix> getOAuthHealth = mix -> mix.authentication().getOAuthHealth();
    Consumer<Mix> refresh = mix -> mix.authentication().refreshOAuthTokens();
    Consumer<Mix> getPreferences = mix -> mix.preferences().getPreferences();
    Consumer<Mix> updatePreferences =
        mix -> mix.preferences().updatePreferences(UpdatePreferencesRequest.builder().build());
    Consumer<Mix> getAvailableProviders = mix -> mix.preferences().getAvailableProviders();
    Consumer<Mix> resetPreferences = mix -> mix.preferences().resetPreferences();
    Consumer<Mix> healthCheck = mix -> mix.health().healthCheck();

    return Stream.of(
        Arguments.of("storeApiKey", 400, storeApiKey),
        Arguments.of("storeApiKey", 500, storeApiKey),
        Arguments.of("setApiKey", 400, setApiKey),
        Arguments.of("setApiKey", 401, setApiKey),
        Arguments.of("setApiKey", 500, setApiKey),
        Arguments.of("initiateOAuthLogin", 401, initiateOAuthLogin),
        Arguments.of("initiateOAuthLogin", 500, initiateOAuthLogin),
        Arguments.of("handleOAuthCallback", 400, handleOAuthCallback),
        Arguments.of("handleOAuthCallback", 500, handleOAuthCallback),
        Arguments.of("startOAuthFlow", 400, startOAuthFlow),
        Arguments.of("startOAuthFlow", 500, startOAuthFlow),
        Arguments.of("getAuthStatus", 500, getAuthStatus),
        Arguments.of("validatePreferredProvider", 500, validate),
        Arguments.of("deleteCredentials", 400, deleteCredentials),
        Arguments.of("deleteCredentials", 500, deleteCredentials),
        Arguments.of("getOAuthHealth", 500, getOAuthHealth),
        Arguments.of("refreshOAuthTokens", 500, refresh),
        Arguments.of("getPreferences", 500, getPreferences),
        Arguments.of("updatePreferences", 400, updatePreferences),
        Arguments.of("updatePreferences", 500, updatePreferences),
        Arguments.of("getAvailableProviders", 500, getAvailableProviders),
        Arguments.of("resetPreferences", 500, resetPreferences),
        Arguments.of("healthCheck", 500, healthCheck));
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("documentedErrors")
  void documentedStatusThrowsErrorResponse(String operation, int status, Consumer<Mix> call) {
    server.enqueue(
        FakeServer.error(status, "bad_request", "what failed and what to do")
            .withHeader("X-Request-Id", "req-7"));

    ErrorResponse error = catchThrowableOfType(ErrorResponse.class, () -> call.accept(mix));

    assertThat(error).isNotNull();
    assertThat(error)
        .hasMessage(
            operation
                + " failed with status "
                + status
                + " (bad_request): what failed and what to do");
    assertThat(error.statusCode()).isEqualTo(status);
    assertThat(error.error())
        .isEqualTo(new RestError(status, "what failed and what to do", "bad_request"));
    assertThat(error.body()).contains("\"message\":\"what failed and what to do\"");
    assertThat(error.headers().firstValue("X-Request-Id")).contains("req-7");
  }

  @Test
  void undocumentedStatusThrowsDefaultError() {
    server.enqueue(FakeServer.error(404, "not_found", "no such route"));

    assertThatThrownBy(() -> mix.authentication().storeApiKey("k", Provider.OPENAI))
        .isExactlyInstanceOf(MixDefaultError.class)
        .hasMessage("storeApiKey failed with status 404 (not_found): no such route")
        .extracting(e -> ((MixDefaultError) e).statusCode())
        .isEqualTo(404);
  }

  @Test
  void unlisted401ThrowsDefaultError() {
    server.enqueue(FakeServer.error(401, "unauthorized", "missing bearer token"));

    assertThatThrownBy(() -> mix.authentication().getAuthStatus())
        .isExactlyInstanceOf(MixDefaultError.class)
        .hasMessage("getAuthStatus failed with status 401 (unauthorized): missing bearer token");
  }

  @Test
  void nonJsonErrorBodyThrowsDefaultError() {
    server.enqueue(FakeServer.text(500, "text/html", "<html>Internal Server Error</html>"));

    MixDefaultError error =
        catchThrowableOfType(
            MixDefaultError.class, () -> mix.authentication().validatePreferredProvider());

    assertThat(error)
        .hasMessage(
            "validatePreferredProvider failed with status 500 and a body that is not the JSON"
                + " error envelope: <html>Internal Server Error</html>");
    assertThat(error.statusCode()).isEqualTo(500);
    assertThat(error.body()).isEqualTo("<html>Internal Server Error</html>");
    assertThat(error.headers().firstValue("Content-Type")).contains("text/html");
  }

  @Test
  void jsonErrorWithoutEnvelopeThrowsDefaultError() {
    server.enqueue(json(400, "{\"detail\":\"bad\"}"));

    assertThatThrownBy(() -> mix.authentication().deleteCredentials("openai"))
        .isExactlyInstanceOf(MixDefaultError.class)
        .hasMessage(
            "deleteCredentials failed with status 400 and a body that is not the JSON error"
                + " envelope: {\"detail\":\"bad\"}");
  }

  @Test
  void emptyErrorBodyThrowsDefaultError() {
    server.enqueue(json(503, ""));

    assertThatThrownBy(() -> mix.health().healthCheck())
        .isExactlyInstanceOf(MixDefaultError.class)
        .hasMessage(
            "healthCheck failed with status 503 and a body that is not the JSON error envelope:"
                + " (empty body)");
  }

  @Test
  void longErrorBodyIsCutInMessage() {
    String body = "x".repeat(500);
    server.enqueue(FakeServer.text(502, "text/plain", body));

    MixDefaultError error =
        catchThrowableOfType(MixDefaultError.class, () -> mix.health().healthCheck());

    assertThat(error.getMessage()).endsWith(": " + "x".repeat(200) + "…");
    assertThat(error.body()).isEqualTo(body);
  }

  @Test
  void redirectThrowsDefaultError() {
    server.enqueue(
        FakeServer.text(302, "text/plain", "").withHeader("Location", "http://127.0.0.1:1/"));

    assertThatThrownBy(() -> mix.health().healthCheck())
        .isExactlyInstanceOf(MixDefaultError.class)
        .hasMessageStartingWith("healthCheck failed with status 302");
  }

  @Test
  void nonJsonSuccessBodyThrowsValidationError() {
    server.enqueue(FakeServer.text(200, "text/plain", "stored"));

    ResponseValidationError error =
        catchThrowableOfType(
            ResponseValidationError.class,
            () -> mix.authentication().storeApiKey("k", Provider.OPENAI));

    assertThat(error)
        .hasMessageStartingWith(
            "storeApiKey returned status 200 with a body that does not match StoreApiKeyResponse:"
                + " Unrecognized token 'stored'");
    assertThat(error.statusCode()).isEqualTo(200);
    assertThat(error.body()).isEqualTo("stored");
    assertThat(error.getCause()).isNotNull();
  }

  @Test
  void missingFieldThrowsValidationError() {
    server.enqueue(json(200, "{\"status\":\"success\",\"provider\":\"openai\"}"));

    assertThatThrownBy(() -> mix.authentication().storeApiKey("k", Provider.OPENAI))
        .isExactlyInstanceOf(ResponseValidationError.class)
        .hasMessage(
            "storeApiKey returned status 200 with a body that does not match StoreApiKeyResponse:"
                + " required field 'message' is missing or null");
  }

  @Test
  void nullFieldThrowsValidationError() {
    server.enqueue(json(200, "{\"status\":null,\"provider\":\"openai\",\"message\":\"m\"}"));

    assertThatThrownBy(() -> mix.authentication().deleteCredentials("openai"))
        .isExactlyInstanceOf(ResponseValidationError.class)
        .hasMessage(
            "deleteCredentials returned status 200 with a body that does not match"
                + " DeleteCredentialsResponse: required field 'status' is missing or null");
  }

  @Test
  void missingBooleanThrowsValidationError() {
    server.enqueue(json(200, "{}"));

    assertThatThrownBy(() -> mix.authentication().setApiKey("k"))
        .isExactlyInstanceOf(ResponseValidationError.class)
        .hasMessageContaining("SetApiKeyResponse")
        .hasMessageContaining("'success'");
  }

  @Test
  void wrongTypeThrowsValidationError() {
    server.enqueue(
        json(
            200,
            "{\"providers\":{\"openai\":{\"authenticated\":\"yes\",\"auth_method\":\"none\","
                + "\"display_name\":\"OpenAI\"}}}"));

    assertThatThrownBy(() -> mix.authentication().getAuthStatus())
        .isExactlyInstanceOf(ResponseValidationError.class)
        .hasMessageStartingWith(
            "getAuthStatus returned status 200 with a body that does not match"
                + " GetAuthStatusResponse: at 'providers.openai.authenticated': ");
  }

  @Test
  void numberForAuthMethodThrowsValidationError() {
    server.enqueue(
        json(200, "{\"valid\":true,\"provider\":\"openai\",\"auth_method\":7,\"message\":\"m\"}"));

    assertThatThrownBy(() -> mix.authentication().validatePreferredProvider())
        .isExactlyInstanceOf(ResponseValidationError.class)
        .hasMessageContaining("at 'auth_method'");
  }

  @Test
  void nullProviderStatusThrowsValidationError() {
    server.enqueue(json(200, "{\"providers\":{\"openai\":null}}"));

    assertThatThrownBy(() -> mix.authentication().getAuthStatus())
        .isExactlyInstanceOf(ResponseValidationError.class)
        .hasMessage(
            "getAuthStatus returned status 200 with a body that does not match"
                + " GetAuthStatusResponse: required field 'providers.openai' is missing or null");
  }

  @Test
  void numberForStringThrowsValidationError() {
    server.enqueue(json(200, "{\"status\":\"success\",\"provider\":42,\"message\":\"m\"}"));

    assertThatThrownBy(() -> mix.authentication().storeApiKey("k", Provider.OPENAI))
        .isExactlyInstanceOf(ResponseValidationError.class)
        .hasMessageContaining("at 'provider'");
  }

  @Test
  void stringForNumberThrowsValidationError() {
    server.enqueue(
        json(
            200,
            "{\"status\":\"success\",\"provider\":\"anthropic\",\"message\":\"m\","
                + "\"expires_in\":\"3600\"}"));

    assertThatThrownBy(() -> mix.authentication().handleOAuthCallback("c", "anthropic", "s"))
        .isExactlyInstanceOf(ResponseValidationError.class)
        .hasMessageContaining("at 'expires_in'");
  }

  @Test
  void invalidTimestampThrowsValidationError() {
    server.enqueue(json(200, "{\"status\":\"ok\",\"timestamp\":\"yesterday\",\"version\":\"1\"}"));

    assertThatThrownBy(() -> mix.health().healthCheck())
        .isExactlyInstanceOf(ResponseValidationError.class)
        .hasMessageContaining("at 'timestamp'")
        .hasMessageContaining("expected an RFC 3339 date-time");
  }

  @Test
  void jsonNullBodyThrowsValidationError() {
    server.enqueue(json(200, "null"));

    assertThatThrownBy(() -> mix.authentication().getAuthStatus())
        .isExactlyInstanceOf(ResponseValidationError.class)
        .hasMessage(
            "getAuthStatus returned status 200 with a body that does not match"
                + " GetAuthStatusResponse: the body is JSON null");
  }

  @Test
  void unknownFieldsAreIgnored() {
    server.enqueue(
        json(
            200,
            "{\"status\":\"success\",\"provider\":\"openai\",\"message\":\"m\","
                + "\"request_id\":\"r1\",\"extra\":{\"nested\":[1,2]}}"));

    assertThat(mix.authentication().storeApiKey("k", Provider.OPENAI).provider())
        .isEqualTo("openai");
  }

  @Test
  void refusedConnectionThrowsConnectionException() throws Exception {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      closedPort = socket.getLocalPort();
    }
    String url = "http://127.0.0.1:" + closedPort;

    try (Mix offline = Mix.builder().serverUrl(url).retryConfig(RetryConfig.none()).build()) {
      MixConnectionException error =
          catchThrowableOfType(
              MixConnectionException.class, () -> offline.authentication().getAuthStatus());

      assertThat(error)
          .hasMessageStartingWith(
              "getAuthStatus failed: no response from "
                  + url
                  + "/api/auth/status after 1 attempt (");
      assertThat(error)
          .hasMessageEndingWith(". Check that the server at " + url + " is running and reachable.");
      assertThat(error.getCause()).isInstanceOf(ConnectException.class);
      assertThat(error.statusCode()).isZero();
      assertThat(error.body()).isEmpty();
      assertThat(error.headers().map()).isEmpty();
    }
  }
}
