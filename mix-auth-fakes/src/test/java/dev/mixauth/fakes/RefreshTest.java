package dev.mixauth.fakes;

import static dev.mixauth.fakes.AnthropicOAuthTest.assertError;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Refresh token rotation, run against both OAuth fakes in their own body formats. */
class RefreshTest {

  private FakeProviders fake;

  @BeforeEach
  void start() {
    fake = FakeProviders.start();
  }

  @AfterEach
  void stop() {
    fake.close();
  }

  @ParameterizedTest
  @EnumSource(names = {"ANTHROPIC", "OPENAI"})
  void rotationSpendsOldToken(Provider provider) throws Exception {
    IssuedTokens tokens = fake.issueTokens(provider);

    HttpResponse<String> first = refresh(provider, tokens.refreshToken());
    HttpResponse<String> again = refresh(provider, tokens.refreshToken());

    assertThat(first.statusCode()).isEqualTo(200);
    String rotated = Http.json(first).path("refresh_token").asText();
    assertThat(rotated).isNotEmpty().isNotEqualTo(tokens.refreshToken());
    assertError(
        again, "invalid_grant", "Refresh token was already used; refresh tokens are accepted once");
    assertThat(fake.isRefreshTokenLive(tokens.refreshToken())).isFalse();
    assertThat(fake.isRefreshTokenLive(rotated)).isTrue();
    assertThat(refresh(provider, rotated).statusCode()).isEqualTo(200);
    assertThat(fake.successfulRefreshes(provider)).isEqualTo(2);
  }

  @ParameterizedTest
  @EnumSource(names = {"ANTHROPIC", "OPENAI"})
  void unknownTokenRejected(Provider provider) throws Exception {
    HttpResponse<String> response = refresh(provider, "never-issued");

    assertError(response, "invalid_grant", "Refresh token is invalid");
  }

  @ParameterizedTest
  @EnumSource(names = {"ANTHROPIC", "OPENAI"})
  void otherProvidersTokenRejected(Provider provider) throws Exception {
    Provider other = provider == Provider.ANTHROPIC ? Provider.OPENAI : Provider.ANTHROPIC;
    IssuedTokens tokens = fake.issueTokens(other);

    HttpResponse<String> response = refresh(provider, tokens.refreshToken());

    assertError(response, "invalid_grant", "Refresh token is invalid");
  }

  @ParameterizedTest
  @EnumSource(names = {"ANTHROPIC", "OPENAI"})
  void wrongClientRejected(Provider provider) throws Exception {
    IssuedTokens tokens = fake.issueTokens(provider);
    Map<String, String> body = Flows.refresh("another-client", tokens.refreshToken());

    HttpResponse<String> response = post(provider, body);

    assertError(response, "invalid_client", "Unknown client_id");
    assertThat(fake.isRefreshTokenLive(tokens.refreshToken())).isTrue();
  }

  @ParameterizedTest
  @EnumSource(names = {"ANTHROPIC", "OPENAI"})
  void omittedRefreshTokenKeepsOldLive(Provider provider) throws Exception {
    options(provider).refreshTokenOnRefresh(TokenField.OMITTED);
    IssuedTokens tokens = fake.issueTokens(provider);

    HttpResponse<String> response = refresh(provider, tokens.refreshToken());

    assertThat(response.statusCode()).isEqualTo(200);
    JsonNode body = Http.json(response);
    assertThat(body.has("refresh_token")).isFalse();
    assertThat(body.path("access_token").asText()).isNotEmpty();
    assertThat(fake.isRefreshTokenLive(tokens.refreshToken())).isTrue();
    assertThat(refresh(provider, tokens.refreshToken()).statusCode()).isEqualTo(200);
  }

  @ParameterizedTest
  @EnumSource(names = {"ANTHROPIC", "OPENAI"})
  void emptyRefreshTokenKeepsOldLive(Provider provider) throws Exception {
    options(provider).refreshTokenOnRefresh(TokenField.EMPTY);
    IssuedTokens tokens = fake.issueTokens(provider);

    HttpResponse<String> response = refresh(provider, tokens.refreshToken());

    assertThat(Http.json(response).path("refresh_token").isTextual()).isTrue();
    assertThat(Http.json(response).path("refresh_token").asText()).isEmpty();
    assertThat(fake.isRefreshTokenLive(tokens.refreshToken())).isTrue();
  }

  @ParameterizedTest
  @EnumSource(names = {"ANTHROPIC", "OPENAI"})
  void omittedAccessToken(Provider provider) throws Exception {
    options(provider).accessTokenOnRefresh(TokenField.OMITTED);
    IssuedTokens tokens = fake.issueTokens(provider);

    HttpResponse<String> response = refresh(provider, tokens.refreshToken());

    assertThat(response.statusCode()).isEqualTo(200);
    JsonNode body = Http.json(response);
    assertThat(body.has("access_token")).isFalse();
    assertThat(body.has("id_token")).isFalse();
    assertThat(body.path("refresh_token").asText()).isNotEmpty();
  }

  @ParameterizedTest
  @EnumSource(names = {"ANTHROPIC", "OPENAI"})
  void concurrentRefreshesOneWins(Provider provider) throws Exception {
    IssuedTokens tokens = fake.issueTokens(provider);
    int requests = 20;
    CountDownLatch go = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(requests);
    List<Future<HttpResponse<String>>> futures = new ArrayList<>();

    try {
      for (int i = 0; i < requests; i++) {
        Callable<HttpResponse<String>> call =
            () -> {
              go.await();
              return refresh(provider, tokens.refreshToken());
            };
        futures.add(pool.submit(call));
      }
      go.countDown();

      int successes = 0;
      int invalidGrants = 0;
      for (Future<HttpResponse<String>> future : futures) {
        HttpResponse<String> response = future.get(30, TimeUnit.SECONDS);
        if (response.statusCode() == 200) {
          successes++;
        } else if (Http.json(response).path("error").asText().equals("invalid_grant")) {
          invalidGrants++;
        }
      }

      assertThat(successes).isEqualTo(1);
      assertThat(invalidGrants).isEqualTo(requests - 1);
      assertThat(fake.successfulRefreshes(provider)).isEqualTo(1);
      assertThat(fake.requestCount(tokenEndpoint(provider))).isEqualTo(requests);
    } finally {
      pool.shutdownNow();
    }
  }

  @ParameterizedTest
  @EnumSource(names = {"ANTHROPIC", "OPENAI"})
  void refreshBodyRecorded(Provider provider) throws Exception {
    IssuedTokens tokens = fake.issueTokens(provider);

    refresh(provider, tokens.refreshToken());

    RecordedRequest request = fake.lastRequest(tokenEndpoint(provider)).orElseThrow();
    assertThat(request.bodyParameters())
        .containsEntry("grant_type", "refresh_token")
        .containsEntry("refresh_token", tokens.refreshToken())
        .containsEntry("client_id", options(provider).clientId());
  }

  private HttpResponse<String> refresh(Provider provider, String refreshToken) throws Exception {
    return post(provider, Flows.refresh(options(provider).clientId(), refreshToken));
  }

  /** Posts in the provider's own format: JSON for Anthropic, form encoding for OpenAI. */
  private HttpResponse<String> post(Provider provider, Map<String, String> body) throws Exception {
    return provider == Provider.ANTHROPIC
        ? Http.postJson(fake.anthropicTokenUrl(), body)
        : Http.postForm(fake.openAiTokenUrl(), body);
  }

  private OAuthOptions options(Provider provider) {
    return provider == Provider.ANTHROPIC ? fake.anthropicOptions() : fake.openAiOptions();
  }

  private static Endpoint tokenEndpoint(Provider provider) {
    return provider == Provider.ANTHROPIC ? Endpoint.ANTHROPIC_TOKEN : Endpoint.OPENAI_TOKEN;
  }
}
