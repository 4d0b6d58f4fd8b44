package dev.mixauth.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mixauth.server.testing.Cli;
import org.junit.jupiter.api.Test;

/** {@code prefs}, {@code validate} and {@code health} run as processes against a real server. */
class PrefsCommandTest extends ServerTestBase {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void prefsSetThenShow() throws Exception {
    Cli.Result set = server.run("", "prefs", "set", "--provider", "openrouter");

    assertThat(set.exitCode()).as(set.toString()).isZero();
    assertThat(set.stdout()).isEqualTo("The preferred provider is now openrouter.\n");

    Cli.Result shown = server.run("", "prefs");
    assertThat(shown.exitCode()).as(shown.toString()).isZero();
    assertThat(shown.stdout()).containsPattern("preferred_provider +openrouter");
    assertThat(shown.stdout()).containsPattern("openrouter +OpenRouter +.*openai/gpt-5");

    Cli.Result json = server.run("", "prefs", "--json");
    assertThat(json.exitCode()).as(json.toString()).isZero();
    JsonNode body = JSON.readTree(json.stdout());
    assertThat(body.at("/preferences/preferred_provider").asText()).isEqualTo("openrouter");
    assertThat(body).isEqualTo(server.server.get("/api/preferences").json());
  }

  @Test
  void prefsSetUnknownProviderFails() {
    Cli.Result set = server.run("", "prefs", "set", "--provider", "gemini");

    assertThat(set.exitCode()).as(set.toString()).isEqualTo(1);
    assertThat(set.stderr()).startsWith("mix-auth: preferred_provider \"gemini\" is not a supported provider");
  }

  @Test
  void prefsSetNeedsProvider() {
    Cli.Result set = server.run("", "prefs", "set");

    assertThat(set.exitCode()).as(set.toString()).isEqualTo(2);
    assertThat(set.stderr()).contains("Missing required option: '--provider=ID'")
        .contains("Run 'mix-auth prefs set --help' for usage.");
  }

  @Test
  void validateExitCodeFollowsCredential() throws Exception {
    server.run("", "prefs", "set", "--provider", "openrouter");

    Cli.Result missing = server.run("", "validate");
    assertThat(missing.exitCode()).as(missing.toString()).isEqualTo(1);
    assertThat(missing.stdout()).startsWith("OpenRouter has no credentials.");
    assertThat(missing.stderr()).contains("mix-auth set-key openrouter");

    Cli.Result missingJson = server.run("", "validate", "--json");
    assertThat(missingJson.exitCode()).as(missingJson.toString()).isEqualTo(1);
    JsonNode invalid = JSON.readTree(missingJson.stdout());
    assertThat(invalid.path("valid").asBoolean()).isFalse();
    assertThat(invalid.path("provider").asText()).isEqualTo("openrouter");
    assertThat(invalid.path("auth_method").asText()).isEqualTo("none");

    server.run(KeyCommandsTest.OPENROUTER_KEY, "set-key", "openrouter");
    Cli.Result ready = server.run("", "validate", "--json");
    assertThat(ready.exitCode()).as(ready.toString()).isZero();
    JsonNode valid = JSON.readTree(ready.stdout());
    assertThat(valid.path("valid").asBoolean()).isTrue();
    assertThat(valid.path("auth_method").asText()).isEqualTo("api_key");
    assertThat(valid.path("message").asText()).contains(KeyCommandsTest.OPENROUTER_HINT);
    assertThat(ready.stdout()).doesNotContain(KeyCommandsTest.OPENROUTER_KEY);
  }

  @Test
  void healthJsonIsServerBody() throws Exception {
    Cli.Result health = server.run("", "health", "--json");

    assertThat(health.exitCode()).as(health.toString()).isZero();
    JsonNode printed = JSON.readTree(health.stdout());
    JsonNode served = server.server.get("/health/auth").json();
    assertThat(printed.path("status").asText()).isEqualTo("healthy");
    assertThat(printed.path("providers")).isEqualTo(served.path("providers"));
    assertThat(printed.at("/providers/openai/status").asText()).isEqualTo("not_found");
    assertThat(printed.path("timestamp").asText()).endsWith("Z");
  }

  @Test
  void healthTableListsProviders() {
    Cli.Result health = server.run("", "health");

    assertThat(health.exitCode()).as(health.toString()).isZero();
    assertThat(health.stdout()).startsWith("OAuth tokens: healthy\n");
    assertThat(health.stdout()).containsPattern("anthropic +not_found").containsPattern("openai +not_found");
  }
}
