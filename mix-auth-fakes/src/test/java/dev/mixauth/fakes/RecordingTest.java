package dev.mixauth.fakes;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Counters, recorded requests, reset and the test clock. */
class RecordingTest {

  private final MutableClock clock = new MutableClock(Instant.parse("2026-03-01T10:00:00Z"));
  private FakeProviders fake;

  @BeforeEach
  void start() {
    fake = FakeProviders.builder().clock(clock).start();
  }

  @AfterEach
  void stop() {
    fake.close();
  }

  @Test
  void listensOnLoopback() {
    assertThat(fake.baseUrl()).isEqualTo("http://127.0.0.1:" + fake.port());
    assertThat(fake.port()).isPositive();
    assertThat(fake.anthropicAuthorizeUrl())
        .isEqualTo(fake.baseUrl() + "/anthropic/oauth/authorize");
    assertThat(fake.anthropicTokenUrl()).isEqualTo(fake.baseUrl() + "/anthropic/v1/oauth/token");
    assertThat(fake.anthropicApiUrl()).isEqualTo(fake.baseUrl() + "/anthropic");
    assertThat(fake.openAiAuthorizeUrl()).isEqualTo(fake.baseUrl() + "/openai/oauth/authorize");
    assertThat(fake.openAiTokenUrl()).isEqualTo(fake.baseUrl() + "/openai/oauth/token");
    assertThat(fake.openAiRevokeUrl()).isEqualTo(fake.baseUrl() + "/openai/oauth/revoke");
    assertThat(fake.openAiApiUrl()).isEqualTo(fake.baseUrl() + "/openai");
    assertThat(fake.openRouterApiUrl()).isEqualTo(fake.baseUrl() + "/openrouter");
  }

  @Test
  void untouchedEndpointHasNoRequests() {
    assertThat(fake.requestCount(Endpoint.OPENAI_TOKEN)).isZero();
    assertThat(fake.lastRequest(Endpoint.OPENAI_TOKEN)).isEmpty();
    assertThat(fake.requests(Endpoint.OPENAI_TOKEN)).isEmpty();
  }

  @Test
  void lastRequestKeepsHeadersAndQuery() throws Exception {
    Http.get(
        fake.anthropicApiUrl() + "/v1/models?limit=1",
        "x-api-key",
        "k",
        "anthropic-version",
        "2023-06-01");

    RecordedRequest request = fake.lastRequest(Endpoint.ANTHROPIC_MODELS).orElseThrow();
    assertThat(request.method()).isEqualTo("GET");
    assertThat(request.path()).isEqualTo("/anthropic/v1/models");
    assertThat(request.query()).isEqualTo("limit=1");
    assertThat(request.header("X-API-KEY")).hasValue("k");
    assertThat(request.header("anthropic-version")).hasValue("2023-06-01");
    assertThat(request.body()).isEmpty();
  }

  @Test
  void recordedRequestHidesBody() throws Exception {
    IssuedTokens tokens = fake.issueTokens(Provider.ANTHROPIC);
    Http.postJson(
        fake.anthropicTokenUrl(),
        Flows.refresh(FakeProviders.ANTHROPIC_CLIENT_ID, tokens.refreshToken()));

    String text = fake.lastRequest(Endpoint.ANTHROPIC_TOKEN).orElseThrow().toString();

    assertThat(text)
        .startsWith("RecordedRequest[POST /anthropic/v1/oauth/token, contentType=application/json");
    assertThat(text).doesNotContain(tokens.refreshToken());
  }

  @Test
  void issuedTokensHideValues() {
    IssuedTokens tokens = fake.issueTokens(Provider.ANTHROPIC);

    String text = tokens.toString();

    assertThat(text).doesNotContain(tokens.accessToken()).doesNotContain(tokens.refreshToken());
    assertThat(text).contains("sk-ant-oat01-…").contains("sk-ant-ort01-…");
  }

  @Test
  void requestsInArrivalOrder() throws Exception {
    Http.get(fake.openAiApiUrl() + "/v1/models?n=1");
    Http.get(fake.openAiApiUrl() + "/v1/models?n=2");

    assertThat(fake.requests(Endpoint.OPENAI_MODELS))
        .extracting(RecordedRequest::query)
        .containsExactly("n=1", "n=2");
    assertThat(fake.requestCount(Endpoint.OPENAI_MODELS)).isEqualTo(2);
  }

  @Test
  void resetClearsState() throws Exception {
    IssuedTokens tokens = fake.issueTokens(Provider.OPENAI);
    fake.openAiOptions().bodyFormat(BodyFormat.JSON).expiresIn(Duration.ofSeconds(5));
    fake.failAlways(Endpoint.OPENAI_MODELS, Failure.notFound());
    Http.get(fake.openAiApiUrl() + "/v1/models");

    fake.reset();

    assertThat(fake.isRefreshTokenLive(tokens.refreshToken())).isFalse();
    assertThat(fake.openAiOptions().bodyFormat()).isEqualTo(BodyFormat.FORM);
    assertThat(fake.openAiOptions().expiresIn()).isEqualTo(Duration.ofHours(1));
    assertThat(fake.requestCount(Endpoint.OPENAI_MODELS)).isZero();
    assertThat(Http.get(fake.openAiApiUrl() + "/v1/models").statusCode()).isEqualTo(401);
  }

  @Test
  void accessTokenExpiresByClock() {
    fake.anthropicOptions().expiresIn(Duration.ofMinutes(5));
    IssuedTokens tokens = fake.issueTokens(Provider.ANTHROPIC);

    boolean liveBefore = fake.isAccessTokenLive(tokens.accessToken());
    clock.advance(Duration.ofMinutes(5));
    boolean liveAfter = fake.isAccessTokenLive(tokens.accessToken());

    assertThat(liveBefore).isTrue();
    assertThat(liveAfter).isFalse();
  }

  @Test
  void codeExpiresAfterTenMinutes() throws Exception {
    String verifier = Flows.newVerifier();
    String state = "state-clock-0000000000";
    String code = Flows.anthropicCode(fake, verifier, state);
    clock.advance(Duration.ofMinutes(10));

    var response =
        Http.postJson(fake.anthropicTokenUrl(), Flows.anthropicExchange(code, state, verifier));

    AnthropicOAuthTest.assertError(response, "invalid_grant", "Authorization code has expired");
  }

  @Test
  void codeValidJustBeforeExpiry() throws Exception {
    String verifier = Flows.newVerifier();
    String state = "state-clock-0000000001";
    String code = Flows.anthropicCode(fake, verifier, state);
    clock.advance(Duration.ofMinutes(10).minusSeconds(1));

    var response =
        Http.postJson(fake.anthropicTokenUrl(), Flows.anthropicExchange(code, state, verifier));

    assertThat(response.statusCode()).isEqualTo(200);
  }

  @Test
  void bodyParametersOfForm() throws Exception {
    Http.postForm(fake.openAiRevokeUrl(), Map.of("token", "a b+c"));

    RecordedRequest request = fake.lastRequest(Endpoint.OPENAI_REVOKE).orElseThrow();

    assertThat(request.bodyParameters()).containsExactly(Map.entry("token", "a b+c"));
  }

  /** A clock that tests move forward by hand. */
  static final class MutableClock extends Clock {
    private volatile Instant now;

    MutableClock(Instant start) {
      this.now = start;
    }

    void advance(Duration duration) {
      now = now.plus(duration);
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }
}
