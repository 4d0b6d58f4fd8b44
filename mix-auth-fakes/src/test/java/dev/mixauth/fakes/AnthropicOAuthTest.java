package dev.mixauth.fakes;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class AnthropicOAuthTest {

  private static final String STATE = "state-0123456789abcdef0123456789abcdef";

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
  void authorizeShowsCodePage() throws Exception {
    String url =
        Flows.url(
            fake.anthropicAuthorizeUrl(), Flows.anthropicAuthorize(Flows.RFC_CHALLENGE, STATE));

    HttpResponse<String> response = Http.get(url);

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type"))
        .hasValueSatisfying(type -> assertThat(type).startsWith("text/html"));
    assertThat(response.body())
        .containsPattern("<pre id=\"authorization-code\">[A-Za-z0-9_-]{43}#" + STATE + "</pre>");
  }

  @Test
  void authorizePlainTextIsCodeAndState() throws Exception {
    String url =
        Flows.url(
            fake.anthropicAuthorizeUrl(), Flows.anthropicAuthorize(Flows.RFC_CHALLENGE, STATE));

    HttpResponse<String> response = Http.get(url, "Accept", "text/plain");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).matches("[A-Za-z0-9_-]{43}#" + STATE);
  }

  @Test
  void fullFlowExchangesAndRotates() throws Exception {
    String verifier = Flows.newVerifier();
    String code = Flows.anthropicCode(fake, verifier, STATE);

    HttpResponse<String> exchange =
        Http.postJson(fake.anthropicTokenUrl(), Flows.anthropicExchange(code, STATE, verifier));

    assertThat(exchange.statusCode()).isEqualTo(200);
    JsonNode tokens = Http.json(exchange);
    assertThat(tokens.path("token_type").asText()).isEqualTo("Bearer");
    assertThat(tokens.path("access_token").asText()).startsWith("sk-ant-oat01-");
    assertThat(tokens.path("refresh_token").asText()).startsWith("sk-ant-ort01-");
    assertThat(tokens.path("expires_in").asLong()).isEqualTo(28800);
    assertThat(tokens.path("scope").asText()).isEqualTo(Flows.ANTHROPIC_SCOPE);
    assertThat(tokens.path("account").path("uuid").asText())
        .isEqualTo(FakeProviders.ANTHROPIC_ACCOUNT_UUID);
    assertThat(tokens.path("account").path("email_address").asText())
        .isEqualTo(FakeProviders.ACCOUNT_EMAIL);
    assertThat(fake.successfulExchanges(Provider.ANTHROPIC)).isEqualTo(1);
    assertThat(fake.isAccessTokenLive(tokens.path("access_token").asText())).isTrue();

    String firstRefresh = tokens.path("refresh_token").asText();
    HttpResponse<String> refresh =
        Http.postJson(
            fake.anthropicTokenUrl(),
            Flows.refresh(FakeProviders.ANTHROPIC_CLIENT_ID, firstRefresh));

    assertThat(refresh.statusCode()).isEqualTo(200);
    JsonNode refreshed = Http.json(refresh);
    assertThat(refreshed.path("access_token").asText())
        .startsWith("sk-ant-oat01-")
        .isNotEqualTo(tokens.path("access_token").asText());
    assertThat(refreshed.path("refresh_token").asText())
        .startsWith("sk-ant-ort01-")
        .isNotEqualTo(firstRefresh);
    assertThat(fake.isRefreshTokenLive(firstRefresh)).isFalse();
    assertThat(fake.isRefreshTokenLive(refreshed.path("refresh_token").asText())).isTrue();
    assertThat(fake.successfulRefreshes(Provider.ANTHROPIC)).isEqualTo(1);
  }

  @Test
  void exchangeBodyCarriesState() throws Exception {
    String verifier = Flows.newVerifier();
    String code = Flows.anthropicCode(fake, verifier, STATE);

    Http.postJson(fake.anthropicTokenUrl(), Flows.anthropicExchange(code, STATE, verifier));

    RecordedRequest request = fake.lastRequest(Endpoint.ANTHROPIC_TOKEN).orElseThrow();
    assertThat(request.contentType()).startsWith("application/json");
    assertThat(request.bodyParameters())
        .containsEntry("state", STATE)
        .containsEntry("code_verifier", verifier);
  }

  @Test
  void rfcVerifierIsAccepted() throws Exception {
    String url =
        Flows.url(
            fake.anthropicAuthorizeUrl(), Flows.anthropicAuthorize(Flows.RFC_CHALLENGE, STATE));
    String code = Http.get(url, "Accept", "text/plain").body().split("#")[0];

    HttpResponse<String> response =
        Http.postJson(
            fake.anthropicTokenUrl(), Flows.anthropicExchange(code, STATE, Flows.RFC_VERIFIER));

    assertThat(response.statusCode()).isEqualTo(200);
  }

  @Test
  void pkceMismatchRejected() throws Exception {
    String code = Flows.anthropicCode(fake, Flows.RFC_VERIFIER, STATE);
    String wrongVerifier = Flows.newVerifier();

    HttpResponse<String> response =
        Http.postJson(
            fake.anthropicTokenUrl(), Flows.anthropicExchange(code, STATE, wrongVerifier));

    assertError(response, "invalid_grant", "code_verifier does not match the code_challenge");
    assertThat(fake.successfulExchanges(Provider.ANTHROPIC)).isZero();
  }

  @Test
  void failedExchangeKeepsCodeUsable() throws Exception {
    String code = Flows.anthropicCode(fake, Flows.RFC_VERIFIER, STATE);
    Http.postJson(
        fake.anthropicTokenUrl(), Flows.anthropicExchange(code, STATE, Flows.newVerifier()));

    HttpResponse<String> retry =
        Http.postJson(
            fake.anthropicTokenUrl(), Flows.anthropicExchange(code, STATE, Flows.RFC_VERIFIER));

    assertThat(retry.statusCode()).isEqualTo(200);
  }

  @Test
  void malformedVerifierRejected() throws Exception {
    String code = Flows.anthropicCode(fake, Flows.RFC_VERIFIER, STATE);

    HttpResponse<String> response =
        Http.postJson(fake.anthropicTokenUrl(), Flows.anthropicExchange(code, STATE, "short"));

    assertError(
        response,
        "invalid_request",
        "code_verifier must be 43 to 128 characters from A-Z a-z 0-9 - . _ ~");
  }

  @Test
  void reusedCodeRejected() throws Exception {
    String verifier = Flows.newVerifier();
    String code = Flows.anthropicCode(fake, verifier, STATE);
    Map<String, String> body = Flows.anthropicExchange(code, STATE, verifier);
    assertThat(Http.postJson(fake.anthropicTokenUrl(), body).statusCode()).isEqualTo(200);

    HttpResponse<String> second = Http.postJson(fake.anthropicTokenUrl(), body);

    assertError(second, "invalid_grant", "Authorization code was already used");
    assertThat(fake.successfulExchanges(Provider.ANTHROPIC)).isEqualTo(1);
  }

  @Test
  void unknownCodeRejected() throws Exception {
    HttpResponse<String> response =
        Http.postJson(
            fake.anthropicTokenUrl(),
            Flows.anthropicExchange("no-such-code", STATE, Flows.RFC_VERIFIER));

    assertError(response, "invalid_grant", "Authorization code is invalid");
  }

  @Test
  void expiredCodeRejected() throws Exception {
    String verifier = Flows.newVerifier();
    String code = Flows.anthropicCode(fake, verifier, STATE);
    fake.expireCodes();

    HttpResponse<String> response =
        Http.postJson(fake.anthropicTokenUrl(), Flows.anthropicExchange(code, STATE, verifier));

    assertError(response, "invalid_grant", "Authorization code has expired");
  }

  @Test
  void wrongRedirectRejected() throws Exception {
    String verifier = Flows.newVerifier();
    String code = Flows.anthropicCode(fake, verifier, STATE);
    Map<String, String> body = Flows.anthropicExchange(code, STATE, verifier);
    body.put("redirect_uri", "http://127.0.0.1:1/elsewhere");

    HttpResponse<String> response = Http.postJson(fake.anthropicTokenUrl(), body);

    assertError(response, "invalid_grant", "redirect_uri does not match the authorize request");
  }

  @Test
  void wrongClientRejected() throws Exception {
    String verifier = Flows.newVerifier();
    String code = Flows.anthropicCode(fake, verifier, STATE);
    Map<String, String> body = Flows.anthropicExchange(code, STATE, verifier);
    body.put("client_id", "another-client");

    HttpResponse<String> response = Http.postJson(fake.anthropicTokenUrl(), body);

    assertError(response, "invalid_client", "Unknown client_id");
  }

  @Test
  void stateMismatchRejected() throws Exception {
    String verifier = Flows.newVerifier();
    String code = Flows.anthropicCode(fake, verifier, STATE);

    HttpResponse<String> response =
        Http.postJson(
            fake.anthropicTokenUrl(), Flows.anthropicExchange(code, "other-state", verifier));

    assertError(response, "invalid_grant", "state does not match the authorize request");
  }

  @Test
  void missingStateRejected() throws Exception {
    String verifier = Flows.newVerifier();
    String code = Flows.anthropicCode(fake, verifier, STATE);
    Map<String, String> body = Flows.anthropicExchange(code, STATE, verifier);
    body.remove("state");

    HttpResponse<String> response = Http.postJson(fake.anthropicTokenUrl(), body);

    assertError(response, "invalid_request", "state is missing");
  }

  @Test
  void stateEqualsVerifierModeRejectsIndependentState() throws Exception {
    fake.anthropicOptions().requireStateEqualsVerifier(true);
    String verifier = Flows.newVerifier();
    String code = Flows.anthropicCode(fake, verifier, STATE);

    HttpResponse<String> response =
        Http.postJson(fake.anthropicTokenUrl(), Flows.anthropicExchange(code, STATE, verifier));

    assertError(
        response,
        "invalid_grant",
        "state must equal code_verifier in the state-equals-verifier compatibility mode");
  }

  @Test
  void stateEqualsVerifierModeAcceptsVerifierAsState() throws Exception {
    fake.anthropicOptions().requireStateEqualsVerifier(true);
    String verifier = Flows.newVerifier();
    String code = Flows.anthropicCode(fake, verifier, verifier);

    HttpResponse<String> response =
        Http.postJson(fake.anthropicTokenUrl(), Flows.anthropicExchange(code, verifier, verifier));

    assertThat(response.statusCode()).isEqualTo(200);
  }

  @Test
  void formBodyRejectedByDefault() throws Exception {
    String verifier = Flows.newVerifier();
    String code = Flows.anthropicCode(fake, verifier, STATE);

    HttpResponse<String> response =
        Http.postForm(fake.anthropicTokenUrl(), Flows.anthropicExchange(code, STATE, verifier));

    assertError(
        response,
        "invalid_request",
        "Content-Type must be application/json, got 'application/x-www-form-urlencoded'");
  }

  @Test
  void formModeAcceptsFormOnly() throws Exception {
    fake.anthropicOptions().bodyFormat(BodyFormat.FORM);
    String verifier = Flows.newVerifier();
    String code = Flows.anthropicCode(fake, verifier, STATE);
    Map<String, String> body = Flows.anthropicExchange(code, STATE, verifier);

    HttpResponse<String> json = Http.postJson(fake.anthropicTokenUrl(), body);
    HttpResponse<String> form = Http.postForm(fake.anthropicTokenUrl(), body);

    assertError(
        json,
        "invalid_request",
        "Content-Type must be application/x-www-form-urlencoded, got 'application/json'");
    assertThat(form.statusCode()).isEqualTo(200);
  }

  @Test
  void eitherModeAcceptsBoth() throws Exception {
    fake.anthropicOptions().bodyFormat(BodyFormat.JSON_OR_FORM);
    String verifier = Flows.newVerifier();
    String firstCode = Flows.anthropicCode(fake, verifier, STATE);
    String secondCode = Flows.anthropicCode(fake, verifier, STATE);

    HttpResponse<String> json =
        Http.postJson(
            fake.anthropicTokenUrl(), Flows.anthropicExchange(firstCode, STATE, verifier));
    HttpResponse<String> form =
        Http.postForm(
            fake.anthropicTokenUrl(), Flows.anthropicExchange(secondCode, STATE, verifier));
    HttpResponse<String> text =
        Http.post(fake.anthropicTokenUrl(), "text/plain", "grant_type=refresh_token");

    assertThat(json.statusCode()).isEqualTo(200);
    assertThat(form.statusCode()).isEqualTo(200);
    assertError(
        text,
        "invalid_request",
        "Content-Type must be application/json or application/x-www-form-urlencoded, got"
            + " 'text/plain'");
  }

  @Test
  void missingContentTypeRejected() throws Exception {
    HttpResponse<String> response =
        Http.send(
            HttpRequest.newBuilder(URI.create(fake.anthropicTokenUrl()))
                .POST(HttpRequest.BodyPublishers.ofString("{}"))
                .build());

    assertError(
        response, "invalid_request", "Content-Type must be application/json, got no Content-Type");
  }

  @Test
  void nonStringFieldRejected() throws Exception {
    HttpResponse<String> response =
        Http.post(
            fake.anthropicTokenUrl(),
            "application/json",
            "{\"grant_type\":\"refresh_token\",\"refresh_token\":7}");

    assertError(response, "invalid_request", "Field refresh_token must be a string, got NUMBER");
  }

  @Test
  void duplicateJsonFieldRejected() throws Exception {
    HttpResponse<String> response =
        Http.post(
            fake.anthropicTokenUrl(),
            "application/json",
            "{\"grant_type\":\"refresh_token\",\"grant_type\":\"authorization_code\"}");

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(Http.json(response).path("error").asText()).isEqualTo("invalid_request");
    assertThat(Http.json(response).path("error_description").asText())
        .contains("Duplicate field 'grant_type'");
  }

  @Test
  void unsupportedGrantRejected() throws Exception {
    HttpResponse<String> response =
        Http.postJson(fake.anthropicTokenUrl(), Map.of("grant_type", "password"));

    assertError(
        response,
        "unsupported_grant_type",
        "grant_type must be authorization_code or refresh_token, got 'password'");
  }

  @Test
  void authorizeRejectsMissingState() throws Exception {
    Map<String, String> query = Flows.anthropicAuthorize(Flows.RFC_CHALLENGE, STATE);
    query.remove("state");

    HttpResponse<String> response =
        Http.get(Flows.url(fake.anthropicAuthorizeUrl(), query), "Accept", "application/json");

    assertError(response, "invalid_request", "state is missing");
  }

  @Test
  void authorizeRejectsPlainMethod() throws Exception {
    Map<String, String> query = Flows.anthropicAuthorize(Flows.RFC_CHALLENGE, STATE);
    query.put("code_challenge_method", "plain");

    HttpResponse<String> response =
        Http.get(Flows.url(fake.anthropicAuthorizeUrl(), query), "Accept", "application/json");

    assertError(response, "invalid_request", "code_challenge_method must be S256, got 'plain'");
  }

  @Test
  void authorizeRejectsShortChallenge() throws Exception {
    Map<String, String> query = Flows.anthropicAuthorize("abc", STATE);

    HttpResponse<String> response =
        Http.get(Flows.url(fake.anthropicAuthorizeUrl(), query), "Accept", "application/json");

    assertError(
        response,
        "invalid_request",
        "code_challenge must be 43 to 128 characters from A-Z a-z 0-9 - . _ ~");
  }

  @Test
  void authorizeRejectsMissingScope() throws Exception {
    Map<String, String> query = Flows.anthropicAuthorize(Flows.RFC_CHALLENGE, STATE);
    query.put("scope", "user:profile");

    HttpResponse<String> response =
        Http.get(Flows.url(fake.anthropicAuthorizeUrl(), query), "Accept", "application/json");

    assertError(response, "invalid_scope", "scope must include org:create_api_key user:inference");
  }

  @Test
  void authorizeRejectsWrongClient() throws Exception {
    Map<String, String> query = Flows.anthropicAuthorize(Flows.RFC_CHALLENGE, STATE);
    query.put("client_id", "someone-else");

    HttpResponse<String> response =
        Http.get(Flows.url(fake.anthropicAuthorizeUrl(), query), "Accept", "application/json");

    assertError(response, "invalid_client", "Unknown client_id");
  }

  @Test
  void authorizeRejectsWrongRedirect() throws Exception {
    Map<String, String> query = Flows.anthropicAuthorize(Flows.RFC_CHALLENGE, STATE);
    query.put("redirect_uri", "https://evil.example/callback");

    HttpResponse<String> response =
        Http.get(Flows.url(fake.anthropicAuthorizeUrl(), query), "Accept", "application/json");

    assertError(response, "invalid_request", "redirect_uri is not registered for this client");
  }

  @Test
  void authorizeRejectsWrongResponseType() throws Exception {
    Map<String, String> query = Flows.anthropicAuthorize(Flows.RFC_CHALLENGE, STATE);
    query.put("response_type", "token");

    HttpResponse<String> response =
        Http.get(Flows.url(fake.anthropicAuthorizeUrl(), query), "Accept", "application/json");

    assertError(response, "unsupported_response_type", "response_type must be code, got 'token'");
  }

  @Test
  void authorizeRejectsRepeatedParameter() throws Exception {
    String url =
        Flows.url(
                fake.anthropicAuthorizeUrl(), Flows.anthropicAuthorize(Flows.RFC_CHALLENGE, STATE))
            + "&state=second";

    HttpResponse<String> response = Http.get(url, "Accept", "application/json");

    assertError(response, "invalid_request", "Parameter state must not appear more than once");
  }

  @Test
  void authorizeErrorIsHtmlWithoutCode() throws Exception {
    Map<String, String> query = Flows.anthropicAuthorize(Flows.RFC_CHALLENGE, STATE);
    query.remove("code_challenge");

    HttpResponse<String> response = Http.get(Flows.url(fake.anthropicAuthorizeUrl(), query));

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
    assertThat(response.body())
        .contains("code_challenge is missing")
        .doesNotContain("authorization-code");
  }

  @Test
  void customRedirectAccepted() throws Exception {
    String redirect = "http://127.0.0.1:54545/callback";
    fake.anthropicOptions().redirectUri(redirect);
    Map<String, String> query = Flows.anthropicAuthorize(Flows.RFC_CHALLENGE, STATE);
    query.put("redirect_uri", redirect);
    String code =
        Http.get(Flows.url(fake.anthropicAuthorizeUrl(), query), "Accept", "text/plain")
            .body()
            .split("#")[0];
    Map<String, String> body = Flows.anthropicExchange(code, STATE, Flows.RFC_VERIFIER);
    body.put("redirect_uri", redirect);

    HttpResponse<String> response = Http.postJson(fake.anthropicTokenUrl(), body);

    assertThat(response.statusCode()).isEqualTo(200);
  }

  @Test
  void expiresInConfigurable() throws Exception {
    fake.anthropicOptions().expiresIn(java.time.Duration.ofSeconds(90));
    String verifier = Flows.newVerifier();
    String code = Flows.anthropicCode(fake, verifier, STATE);

    HttpResponse<String> response =
        Http.postJson(fake.anthropicTokenUrl(), Flows.anthropicExchange(code, STATE, verifier));

    assertThat(Http.json(response).path("expires_in").asLong()).isEqualTo(90);
  }

  static void assertError(HttpResponse<String> response, String error, String description) {
    assertThat(response.statusCode()).as("status of %s", response.body()).isEqualTo(400);
    JsonNode body = Http.json(response);
    assertThat(body.path("error").asText()).isEqualTo(error);
    assertThat(body.path("error_description").asText()).isEqualTo(description);
  }
}
