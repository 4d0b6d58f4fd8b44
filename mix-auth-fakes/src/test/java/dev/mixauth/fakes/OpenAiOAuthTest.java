package dev.mixauth.fakes;

import static dev.mixauth.fakes.AnthropicOAuthTest.assertError;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class OpenAiOAuthTest {

  private static final String STATE = "state-fedcba9876543210fedcba9876543210";

  private FakeProviders fake;

  @BeforeEach
  void start() {
    fake = FakeProviders.start();
  }

  @AfterEach
  void stop() {
    fake.close();
  }

  @Test
  void authorizeRedirectsWithCodeAndState() throws Exception {
    Map<String, String> query = Flows.openAiAuthorize(Flows.RFC_CHALLENGE, STATE);

    HttpResponse<String> response = Http.get(Flows.url(fake.openAiAuthorizeUrl(), query));

    assertThat(response.statusCode()).isEqualTo(302);
    String location = response.headers().firstValue("Location").orElseThrow();
    assertThat(location).startsWith(FakeProviders.OPENAI_REDIRECT_URI + "?code=");
    Map<String, String> parameters = Flows.queryParameters(location);
    assertThat(parameters.get("code")).matches("[A-Za-z0-9_-]{43}");
    assertThat(parameters.get("state")).isEqualTo(STATE);
  }

  @Test
  void authorizePlainTextIsRedirectUrl() throws Exception {
    Map<String, String> query = Flows.openAiAuthorize(Flows.RFC_CHALLENGE, STATE);

    HttpResponse<String> response =
        Http.get(Flows.url(fake.openAiAuthorizeUrl(), query), "Accept", "text/plain");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body())
        .matches("http://localhost:1455/auth/callback\\?code=[A-Za-z0-9_-]{43}&state=" + STATE);
  }

  @Test
  void fullFlowExchangesAndRotates() throws Exception {
    String verifier = Flows.newVerifier();
    String code = Flows.openAiCode(fake, verifier, STATE);

    HttpResponse<String> exchange =
        Http.postForm(fake.openAiTokenUrl(), Flows.openAiExchange(code, verifier));

    assertThat(exchange.statusCode()).isEqualTo(200);
    JsonNode tokens = Http.json(exchange);
    assertThat(tokens.path("token_type").asText()).isEqualTo("Bearer");
    assertThat(tokens.path("access_token").asText()).matches("[A-Za-z0-9_-]{64}");
    assertThat(tokens.path("refresh_token").asText()).matches("[A-Za-z0-9_-]{64}");
    assertThat(tokens.path("expires_in").asLong()).isEqualTo(3600);
    assertThat(tokens.path("scope").asText()).isEqualTo(Flows.OPENAI_SCOPE);
    assertThat(tokens.path("id_token").asText()).matches("[^.]+\\.[^.]+\\.[^.]+");
    assertThat(fake.successfulExchanges(Provider.OPENAI)).isEqualTo(1);

    String firstRefresh = tokens.path("refresh_token").asText();
    HttpResponse<String> refresh =
        Http.postForm(
            fake.openAiTokenUrl(), Flows.refresh(FakeProviders.OPENAI_CLIENT_ID, firstRefresh));

    assertThat(refresh.statusCode()).isEqualTo(200);
    JsonNode refreshed = Http.json(refresh);
    assertThat(refreshed.path("refresh_token").asText()).isNotEqualTo(firstRefresh);
    assertThat(refreshed.path("access_token").asText())
        .isNotEqualTo(tokens.path("access_token").asText());
    assertThat(refreshed.path("id_token").asText()).isNotEmpty();
    assertThat(fake.isRefreshTokenLive(firstRefresh)).isFalse();
    assertThat(fake.successfulRefreshes(Provider.OPENAI)).isEqualTo(1);
  }

  @Test
  void exchangeBodyHasNoState() throws Exception {
    String verifier = Flows.newVerifier();
    String code = Flows.openAiCode(fake, verifier, STATE);

    Http.postForm(fake.openAiTokenUrl(), Flows.openAiExchange(code, verifier));

    RecordedRequest request = fake.lastRequest(Endpoint.OPENAI_TOKEN).orElseThrow();
    assertThat(request.contentType()).startsWith("application/x-www-form-urlencoded");
    assertThat(request.bodyParameters()).doesNotContainKey("state");
  }

  @Test
  void idTokenCarriesAccountClaims() throws Exception {
    String verifier = Flows.newVerifier();
    String code = Flows.openAiCode(fake, verifier, STATE);
    JsonNode tokens =
        Http.json(Http.postForm(fake.openAiTokenUrl(), Flows.openAiExchange(code, verifier)));

    String[] parts = tokens.path("id_token").asText().split("\\.");

    JsonNode header = decodeJson(parts[0]);
    JsonNode payload = decodeJson(parts[1]);
    assertThat(header.path("alg").asText()).isEqualTo("HS256");
    assertThat(payload.path("email").asText()).isEqualTo(FakeProviders.ACCOUNT_EMAIL);
    assertThat(payload.path("aud").get(0).asText()).isEqualTo(FakeProviders.OPENAI_CLIENT_ID);
    assertThat(payload.path("exp").asLong() - payload.path("iat").asLong()).isEqualTo(3600);
    assertThat(payload.path("https://api.openai.com/auth").path("chatgpt_account_id").asText())
        .isEqualTo(FakeProviders.OPENAI_ACCOUNT_ID);
    String expectedSignature =
        Base64.getUrlEncoder()
            .withoutPadding()
            .encodeToString(IdTokens.hmacSha256(parts[0] + "." + parts[1]));
    assertThat(parts[2]).isEqualTo(expectedSignature);
  }

  @Test
  void pkceMismatchRejected() throws Exception {
    String code = Flows.openAiCode(fake, Flows.RFC_VERIFIER, STATE);

    HttpResponse<String> response =
        Http.postForm(fake.openAiTokenUrl(), Flows.openAiExchange(code, Flows.newVerifier()));

    assertError(response, "invalid_grant", "code_verifier does not match the code_challenge");
  }

  @Test
  void reusedCodeRejected() throws Exception {
    String verifier = Flows.newVerifier();
    String code = Flows.openAiCode(fake, verifier, STATE);
    Map<String, String> body = Flows.openAiExchange(code, verifier);
    assertThat(Http.postForm(fake.openAiTokenUrl(), body).statusCode()).isEqualTo(200);

    HttpResponse<String> second = Http.postForm(fake.openAiTokenUrl(), body);

    assertError(second, "invalid_grant", "Authorization code was already used");
  }

  @Test
  void wrongRedirectRejected() throws Exception {
    String verifier = Flows.newVerifier();
    String code = Flows.openAiCode(fake, verifier, STATE);
    Map<String, String> body = Flows.openAiExchange(code, verifier);
    body.put("redirect_uri", "http://localhost:1456/auth/callback");

    HttpResponse<String> response = Http.postForm(fake.openAiTokenUrl(), body);

    assertError(response, "invalid_grant", "redirect_uri does not match the authorize request");
  }

  @Test
  void wrongClientRejected() throws Exception {
    String verifier = Flows.newVerifier();
    String code = Flows.openAiCode(fake, verifier, STATE);
    Map<String, String> body = Flows.openAiExchange(code, verifier);
    body.put("client_id", FakeProviders.ANTHROPIC_CLIENT_ID);

    HttpResponse<String> response = Http.postForm(fake.openAiTokenUrl(), body);

    assertError(response, "invalid_client", "Unknown client_id");
  }

  @Test
  void jsonBodyRejected() throws Exception {
    String verifier = Flows.newVerifier();
    String code = Flows.openAiCode(fake, verifier, STATE);

    HttpResponse<String> response =
        Http.postJson(fake.openAiTokenUrl(), Flows.openAiExchange(code, verifier));

    assertError(
        response,
        "invalid_request",
        "Content-Type must be application/x-www-form-urlencoded, got 'application/json'");
  }

  @Test
  void repeatedFormParameterRejected() throws Exception {
    HttpResponse<String> response =
        Http.post(
            fake.openAiTokenUrl(),
            "application/x-www-form-urlencoded",
            "grant_type=refresh_token&refresh_token=a&refresh_token=b");

    assertError(
        response, "invalid_request", "Parameter refresh_token must not appear more than once");
  }

  @Test
  void authorizeRejectsMissingOfflineAccess() throws Exception {
    Map<String, String> query = Flows.openAiAuthorize(Flows.RFC_CHALLENGE, STATE);
    query.put("scope", "openid profile email");

    HttpResponse<String> response =
        Http.get(Flows.url(fake.openAiAuthorizeUrl(), query), "Accept", "application/json");

    assertError(response, "invalid_scope", "scope must include offline_access");
  }

  @Test
  void authorizeRejectsWrongRedirectWithoutRedirecting() throws Exception {
    Map<String, String> query = Flows.openAiAuthorize(Flows.RFC_CHALLENGE, STATE);
    query.put("redirect_uri", "http://localhost:9999/auth/callback");

    HttpResponse<String> response = Http.get(Flows.url(fake.openAiAuthorizeUrl(), query));

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.headers().firstValue("Location")).isEmpty();
    assertThat(response.body()).contains("redirect_uri is not registered for this client");
  }

  @Test
  void authorizeErrorAsPlainText() throws Exception {
    Map<String, String> query = Flows.openAiAuthorize(Flows.RFC_CHALLENGE, STATE);
    query.remove("state");

    HttpResponse<String> response =
        Http.get(Flows.url(fake.openAiAuthorizeUrl(), query), "Accept", "text/plain");

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.body()).isEqualTo("invalid_request: state is missing\n");
  }

  @Test
  void customRedirectUsedInLocation() throws Exception {
    String redirect = "http://127.0.0.1:40123/auth/callback";
    fake.openAiOptions().redirectUri(redirect);
    Map<String, String> query = Flows.openAiAuthorize(Flows.RFC_CHALLENGE, STATE);
    query.put("redirect_uri", redirect);

    HttpResponse<String> response = Http.get(Flows.url(fake.openAiAuthorizeUrl(), query));

    assertThat(response.headers().firstValue("Location").orElseThrow())
        .startsWith(redirect + "?code=");
  }

  @Test
  void revokeKillsRefreshAndAccess() throws Exception {
    IssuedTokens tokens = fake.issueTokens(Provider.OPENAI);
    Map<String, String> body =
        Map.of(
            "token",
            tokens.refreshToken(),
            "token_type_hint",
            "refresh_token",
            "client_id",
            FakeProviders.OPENAI_CLIENT_ID);

    HttpResponse<String> response = Http.postForm(fake.openAiRevokeUrl(), body);

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(fake.isRefreshTokenLive(tokens.refreshToken())).isFalse();
    assertThat(fake.isAccessTokenLive(tokens.accessToken())).isFalse();
    HttpResponse<String> refresh =
        Http.postForm(
            fake.openAiTokenUrl(),
            Flows.refresh(FakeProviders.OPENAI_CLIENT_ID, tokens.refreshToken()));
    assertError(refresh, "invalid_grant", "Refresh token was revoked");
  }

  @Test
  void revokeAccessTokenOnly() throws Exception {
    IssuedTokens tokens = fake.issueTokens(Provider.OPENAI);
    Map<String, String> body =
        Map.of("token", tokens.accessToken(), "client_id", FakeProviders.OPENAI_CLIENT_ID);

    HttpResponse<String> response = Http.postForm(fake.openAiRevokeUrl(), body);

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(fake.isAccessTokenLive(tokens.accessToken())).isFalse();
    assertThat(fake.isRefreshTokenLive(tokens.refreshToken())).isTrue();
  }

  @Test
  void revokeUnknownTokenIsOk() throws Exception {
    Map<String, String> body =
        Map.of("token", "never-issued", "client_id", FakeProviders.OPENAI_CLIENT_ID);

    HttpResponse<String> response = Http.postForm(fake.openAiRevokeUrl(), body);

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).isEmpty();
  }

  @Test
  void revokeWrongClientRejected() throws Exception {
    IssuedTokens tokens = fake.issueTokens(Provider.OPENAI);
    Map<String, String> body = Map.of("token", tokens.refreshToken(), "client_id", "other");

    HttpResponse<String> response = Http.postForm(fake.openAiRevokeUrl(), body);

    assertError(response, "invalid_client", "Unknown client_id");
    assertThat(fake.isRefreshTokenLive(tokens.refreshToken())).isTrue();
  }

  private static JsonNode decodeJson(String base64url) throws Exception {
    byte[] json = Base64.getUrlDecoder().decode(base64url);
    return Http.MAPPER.readTree(new String(json, StandardCharsets.UTF_8));
  }
}
