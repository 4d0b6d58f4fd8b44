package dev.mixauth.fakes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ApiKeyCheckTest {

  private static final String ANTHROPIC_KEY = "sk-ant-api03-known-key-0000";
  private static final String OPENAI_KEY = "sk-proj-known-key-0000";
  private static final String OPENROUTER_KEY = "sk-or-v1-known-key-0000";

  private FakeProviders fake;

  @BeforeEach
  void start() {
    fake = FakeProviders.start();
    fake.acceptApiKey("anthropic", ANTHROPIC_KEY);
    fake.acceptApiKey("openai", OPENAI_KEY);
    fake.acceptApiKey("openrouter", OPENROUTER_KEY);
  }

  @AfterEach
  void stop() {
    fake.close();
  }

  @Test
  void anthropicKnownKey() throws Exception {
    HttpResponse<String> response = anthropicModels(ANTHROPIC_KEY, "2023-06-01");

    assertThat(response.statusCode()).isEqualTo(200);
    JsonNode body = Http.json(response);
    assertThat(body.path("data").get(0).path("id").asText()).isEqualTo("claude-sonnet-4-5");
    assertThat(body.path("data").get(0).path("type").asText()).isEqualTo("model");
    assertThat(body.path("has_more").asBoolean(true)).isFalse();
    assertThat(response.headers().firstValue("request-id")).isPresent();
  }

  @Test
  void anthropicUnknownKey() throws Exception {
    HttpResponse<String> response = anthropicModels("sk-ant-api03-unknown", "2023-06-01");

    assertThat(response.statusCode()).isEqualTo(401);
    assertThat(response.body())
        .isEqualTo(
            "{\"type\":\"error\",\"error\":{\"type\":\"authentication_error\","
                + "\"message\":\"invalid x-api-key\"}}");
  }

  @Test
  void anthropicKeyFromOtherProvider() throws Exception {
    HttpResponse<String> response = anthropicModels(OPENAI_KEY, "2023-06-01");

    assertThat(response.statusCode()).isEqualTo(401);
  }

  @Test
  void anthropicMissingVersion() throws Exception {
    HttpResponse<String> response =
        Http.get(fake.anthropicApiUrl() + "/v1/models", "x-api-key", ANTHROPIC_KEY);

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(Http.json(response).path("error").path("message").asText())
        .isEqualTo("anthropic-version: header is required");
  }

  @Test
  void anthropicMissingKey() throws Exception {
    HttpResponse<String> response =
        Http.get(fake.anthropicApiUrl() + "/v1/models", "anthropic-version", "2023-06-01");

    assertThat(response.statusCode()).isEqualTo(401);
    assertThat(Http.json(response).path("error").path("message").asText())
        .isEqualTo("x-api-key header is required");
  }

  @Test
  void anthropicBearerIsNotApiKey() throws Exception {
    HttpResponse<String> response =
        Http.get(
            fake.anthropicApiUrl() + "/v1/models",
            "Authorization",
            "Bearer " + ANTHROPIC_KEY,
            "anthropic-version",
            "2023-06-01");

    assertThat(response.statusCode()).isEqualTo(401);
  }

  @Test
  void openAiKnownKey() throws Exception {
    HttpResponse<String> response =
        Http.get(fake.openAiApiUrl() + "/v1/models", "Authorization", "Bearer " + OPENAI_KEY);

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(Http.json(response).path("data").get(0).path("id").asText()).isEqualTo("gpt-4o");
  }

  @Test
  void openAiUnknownKey() throws Exception {
    HttpResponse<String> response =
        Http.get(fake.openAiApiUrl() + "/v1/models", "Authorization", "Bearer sk-proj-unknown");

    assertThat(response.statusCode()).isEqualTo(401);
    JsonNode error = Http.json(response).path("error");
    assertThat(error.path("message").asText()).isEqualTo("Incorrect API key provided");
    assertThat(error.path("type").asText()).isEqualTo("invalid_request_error");
    assertThat(error.path("code").asText()).isEqualTo("invalid_api_key");
  }

  @Test
  void openAiMissingKey() throws Exception {
    HttpResponse<String> response = Http.get(fake.openAiApiUrl() + "/v1/models");

    assertThat(response.statusCode()).isEqualTo(401);
    assertThat(Http.json(response).path("error").path("message").asText())
        .startsWith("You didn't provide an API key.");
  }

  @Test
  void openRouterKnownKey() throws Exception {
    HttpResponse<String> response =
        Http.get(
            fake.openRouterApiUrl() + "/api/v1/key", "Authorization", "Bearer " + OPENROUTER_KEY);

    assertThat(response.statusCode()).isEqualTo(200);
    JsonNode data = Http.json(response).path("data");
    assertThat(data.path("label").asText()).isEqualTo("sk-or-v1-…0000");
    assertThat(data.path("usage").asInt(-1)).isZero();
    assertThat(data.path("limit").isNull()).isTrue();
  }

  @Test
  void openRouterUnknownKey() throws Exception {
    HttpResponse<String> response =
        Http.get(fake.openRouterApiUrl() + "/api/v1/key", "Authorization", "Bearer sk-or-v1-x");

    assertThat(response.statusCode()).isEqualTo(401);
    assertThat(response.body())
        .isEqualTo("{\"error\":{\"message\":\"No auth credentials found\",\"code\":401}}");
  }

  @Test
  void openRouterMissingKey() throws Exception {
    HttpResponse<String> response = Http.get(fake.openRouterApiUrl() + "/api/v1/key");

    assertThat(response.statusCode()).isEqualTo(401);
  }

  @Test
  void acceptApiKeyRejectsUnknownProvider() {
    assertThatThrownBy(() -> fake.acceptApiKey("anthropc", "sk-ant-api03-x"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Unknown provider 'anthropc'. Expected one of: anthropic, openai, openrouter.");
  }

  @Test
  void resetForgetsKeys() throws Exception {
    fake.reset();

    HttpResponse<String> response = anthropicModels(ANTHROPIC_KEY, "2023-06-01");

    assertThat(response.statusCode()).isEqualTo(401);
    assertThat(fake.requestCount(Endpoint.ANTHROPIC_MODELS)).isEqualTo(1);
  }

  private HttpResponse<String> anthropicModels(String key, String version) throws Exception {
    return Http.get(
        fake.anthropicApiUrl() + "/v1/models", "x-api-key", key, "anthropic-version", version);
  }
}
