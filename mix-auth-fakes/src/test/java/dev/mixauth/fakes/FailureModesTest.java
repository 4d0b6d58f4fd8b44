package dev.mixauth.fakes;

import static dev.mixauth.fakes.AnthropicOAuthTest.assertError;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class FailureModesTest {

  private FakeProviders fake;

  @BeforeEach
  void start() {
    fake = FakeProviders.start();
    fake.acceptApiKey("openai", "sk-proj-known");
  }

  @AfterEach
  void stop() {
    fake.close();
  }

  @Test
  void emptyServerError() throws Exception {
    fake.failNext(Endpoint.ANTHROPIC_TOKEN, Failure.emptyServerError());

    HttpResponse<String> response = refreshAnthropic(fake.issueTokens(Provider.ANTHROPIC));

    assertThat(response.statusCode()).isEqualTo(500);
    assertThat(response.body()).isEmpty();
    assertThat(response.headers().firstValue("Content-Type")).isEmpty();
  }

  @Test
  void serverErrorJson() throws Exception {
    fake.failNext(Endpoint.OPENAI_TOKEN, Failure.serverError(502));
    fake.failNext(Endpoint.OPENAI_TOKEN, Failure.serverError(503));
    IssuedTokens tokens = fake.issueTokens(Provider.OPENAI);

    HttpResponse<String> first = refreshOpenAi(tokens);
    HttpResponse<String> second = refreshOpenAi(tokens);

    assertThat(first.statusCode()).isEqualTo(502);
    assertThat(second.statusCode()).isEqualTo(503);
    assertThat(first.headers().firstValue("Content-Type").orElse(""))
        .startsWith("application/json");
    assertThat(Http.json(first).path("error").path("type").asText()).isEqualTo("server_error");
    assertThat(Http.json(second).path("error").path("message").asText())
        .isEqualTo("The service is temporarily unavailable (status 503)");
  }

  @Test
  void htmlPageWithStatus200() throws Exception {
    fake.failNext(Endpoint.ANTHROPIC_TOKEN, Failure.htmlPage());

    HttpResponse<String> response = refreshAnthropic(fake.issueTokens(Provider.ANTHROPIC));

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
    assertThat(response.body()).contains("<title>Sign in</title>");
  }

  @Test
  void challengePage() throws Exception {
    fake.failNext(Endpoint.OPENAI_TOKEN, Failure.challengePage());

    HttpResponse<String> response = refreshOpenAi(fake.issueTokens(Provider.OPENAI));

    assertThat(response.statusCode()).isEqualTo(403);
    assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
    assertThat(response.headers().firstValue("cf-mitigated")).hasValue("challenge");
    assertThat(response.body()).contains("Just a moment...");
  }

  @Test
  void notFound() throws Exception {
    fake.failNext(Endpoint.ANTHROPIC_MODELS, Failure.notFound());

    HttpResponse<String> response = Http.get(fake.anthropicApiUrl() + "/v1/models");

    assertThat(response.statusCode()).isEqualTo(404);
    assertThat(response.body()).contains("404 Not Found");
  }

  @Test
  void rateLimitedRoundsRetryAfterUp() throws Exception {
    fake.failNext(Endpoint.OPENAI_MODELS, Failure.rateLimited(Duration.ofMillis(2500)));

    HttpResponse<String> response =
        Http.get(fake.openAiApiUrl() + "/v1/models", "Authorization", "Bearer sk-proj-known");

    assertThat(response.statusCode()).isEqualTo(429);
    assertThat(response.headers().firstValue("Retry-After")).hasValue("3");
    assertThat(Http.json(response).path("error").path("type").asText())
        .isEqualTo("rate_limit_error");
  }

  @Test
  void slowAnswerTimesOutClient() throws Exception {
    fake.failNext(Endpoint.OPENAI_MODELS, Failure.slow(Duration.ofSeconds(2)));
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(fake.openAiApiUrl() + "/v1/models"))
            .header("Authorization", "Bearer sk-proj-known")
            .timeout(Duration.ofMillis(300))
            .build();

    assertThatThrownBy(() -> Http.send(request)).isInstanceOf(HttpTimeoutException.class);
  }

  @Test
  void slowAnswerIsNormalAfterDelay() throws Exception {
    fake.failNext(Endpoint.OPENAI_MODELS, Failure.slow(Duration.ofMillis(400)));
    long started = System.nanoTime();

    HttpResponse<String> response =
        Http.get(fake.openAiApiUrl() + "/v1/models", "Authorization", "Bearer sk-proj-known");

    assertThat(Duration.ofNanos(System.nanoTime() - started))
        .isGreaterThanOrEqualTo(Duration.ofMillis(400));
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(Http.json(response).path("object").asText()).isEqualTo("list");
  }

  @Test
  void dropConnectionSendsNothing() throws Exception {
    fake.failNext(Endpoint.ANTHROPIC_TOKEN, Failure.dropConnection());
    IssuedTokens tokens = fake.issueTokens(Provider.ANTHROPIC);

    assertThatThrownBy(() -> refreshAnthropic(tokens)).isInstanceOf(IOException.class);
    assertThat(fake.requestCount(Endpoint.ANTHROPIC_TOKEN)).isEqualTo(1);
    assertThat(fake.isRefreshTokenLive(tokens.refreshToken())).isTrue();
  }

  @Test
  void dropConnectionOnGetIsRetriedOnce() throws Exception {
    fake.failNext(Endpoint.OPENAI_MODELS, Failure.dropConnection());
    fake.failNext(Endpoint.OPENAI_MODELS, Failure.dropConnection());
    String url = fake.openAiApiUrl() + "/v1/models";

    assertThatThrownBy(() -> Http.get(url, "Authorization", "Bearer sk-proj-known"))
        .isInstanceOf(IOException.class);
    assertThat(fake.requestCount(Endpoint.OPENAI_MODELS)).isEqualTo(2);
    assertThat(Http.get(url, "Authorization", "Bearer sk-proj-known").statusCode()).isEqualTo(200);
  }

  @Test
  void invalidGrantInjected() throws Exception {
    fake.failNext(Endpoint.OPENAI_TOKEN, Failure.invalidGrant());
    IssuedTokens tokens = fake.issueTokens(Provider.OPENAI);

    HttpResponse<String> response = refreshOpenAi(tokens);

    assertError(response, "invalid_grant", "Grant rejected by an injected failure");
    assertThat(fake.isRefreshTokenLive(tokens.refreshToken())).isTrue();
    assertThat(fake.successfulRefreshes(Provider.OPENAI)).isZero();
  }

  @Test
  void failNextIsOneShot() throws Exception {
    fake.failNext(Endpoint.ANTHROPIC_TOKEN, Failure.serverError(503));
    IssuedTokens tokens = fake.issueTokens(Provider.ANTHROPIC);

    HttpResponse<String> failed = refreshAnthropic(tokens);
    HttpResponse<String> retried = refreshAnthropic(tokens);

    assertThat(failed.statusCode()).isEqualTo(503);
    assertThat(retried.statusCode()).isEqualTo(200);
    assertThat(fake.requestCount(Endpoint.ANTHROPIC_TOKEN)).isEqualTo(2);
  }

  @Test
  void failureLeavesCodeUsable() throws Exception {
    String verifier = Flows.newVerifier();
    String code = Flows.openAiCode(fake, verifier, "state-1234567890");
    fake.failNext(Endpoint.OPENAI_TOKEN, Failure.htmlPage());
    Map<String, String> body = Flows.openAiExchange(code, verifier);

    HttpResponse<String> failed = Http.postForm(fake.openAiTokenUrl(), body);
    HttpResponse<String> retried = Http.postForm(fake.openAiTokenUrl(), body);

    assertThat(failed.body()).contains("<title>Sign in</title>");
    assertThat(retried.statusCode()).isEqualTo(200);
    assertThat(fake.successfulExchanges(Provider.OPENAI)).isEqualTo(1);
  }

  @Test
  void failAlwaysUntilCleared() throws Exception {
    fake.failAlways(Endpoint.OPENROUTER_KEY, Failure.serverError(502));
    fake.acceptApiKey("openrouter", "sk-or-v1-known");
    String url = fake.openRouterApiUrl() + "/api/v1/key";

    int first = Http.get(url, "Authorization", "Bearer sk-or-v1-known").statusCode();
    int second = Http.get(url, "Authorization", "Bearer sk-or-v1-known").statusCode();
    fake.clearFailures();
    int third = Http.get(url, "Authorization", "Bearer sk-or-v1-known").statusCode();

    assertThat(first).isEqualTo(502);
    assertThat(second).isEqualTo(502);
    assertThat(third).isEqualTo(200);
  }

  @Test
  void queuedFailureBeforeStanding() throws Exception {
    fake.failAlways(Endpoint.OPENAI_REVOKE, Failure.serverError(503));
    fake.failNext(Endpoint.OPENAI_REVOKE, Failure.notFound());
    Map<String, String> body =
        Map.of("token", "anything", "client_id", FakeProviders.OPENAI_CLIENT_ID);

    int first = Http.postForm(fake.openAiRevokeUrl(), body).statusCode();
    int second = Http.postForm(fake.openAiRevokeUrl(), body).statusCode();

    assertThat(first).isEqualTo(404);
    assertThat(second).isEqualTo(503);
  }

  @ParameterizedTest
  @EnumSource(Endpoint.class)
  void everyEndpointCanFail(Endpoint endpoint) throws Exception {
    fake.failNext(endpoint, Failure.emptyServerError());
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(fake.url(endpoint)));
    if (endpoint.method().equals("POST")) {
      request.POST(HttpRequest.BodyPublishers.ofString("{}"));
    }

    HttpResponse<String> response = Http.send(request.build());

    assertThat(response.statusCode()).isEqualTo(500);
    assertThat(fake.requestCount(endpoint)).isEqualTo(1);
  }

  @Test
  void serverErrorRejectsOtherStatus() {
    assertThatThrownBy(() -> Failure.serverError(404))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Server error status must be between 500 and 599, got 404.");
  }

  @Test
  void slowRejectsNegativeDelay() {
    assertThatThrownBy(() -> Failure.slow(Duration.ofSeconds(-1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("delay must not be negative, got PT-1S.");
  }

  private HttpResponse<String> refreshAnthropic(IssuedTokens tokens) throws Exception {
    return Http.postJson(
        fake.anthropicTokenUrl(),
        Flows.refresh(FakeProviders.ANTHROPIC_CLIENT_ID, tokens.refreshToken()));
  }

  private HttpResponse<String> refreshOpenAi(IssuedTokens tokens) throws Exception {
    return Http.postForm(
        fake.openAiTokenUrl(),
        Flows.refresh(FakeProviders.OPENAI_CLIENT_ID, tokens.refreshToken()));
  }
}
