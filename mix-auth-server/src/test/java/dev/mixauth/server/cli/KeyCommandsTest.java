package dev.mixauth.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mixauth.server.testing.Cli;
import org.junit.jupiter.api.Test;

/** {@code set-key}, {@code status} and {@code logout} run as processes against a real server. */
class KeyCommandsTest extends ServerTestBase {
  static final String OPENROUTER_KEY = "sk-or-v1-0123456789abcdef0123456789a9F2";
  static final String OPENROUTER_HINT = "sk-or-v1-…a9F2";
  static final String ANTHROPIC_KEY = "sk-ant-api03-AbCdEfGhIjKlMnOpQrSt-9xQ2";
  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void pipedKeyIsStoredAndShownAsHint() {
    Cli.Result stored = server.run(OPENROUTER_KEY + "\n", "set-key", "openrouter");

    assertThat(stored.exitCode()).as(stored.toString()).isZero();
    assertThat(stored.stdout()).contains("Stored the openrouter API key " + OPENROUTER_HINT);
    assertThat(stored.stdout() + stored.stderr()).doesNotContain(OPENROUTER_KEY);

    Cli.Result status = server.run("", "status");
    assertThat(status.exitCode()).as(status.toString()).isZero();
    assertThat(status.stdout()).containsPattern("openrouter +yes +api_key +stored +key " + OPENROUTER_HINT);
    assertThat(status.stdout()).containsPattern("anthropic +no +none +-");
    assertThat(status.stdout()).doesNotContain(OPENROUTER_KEY).doesNotContain("\u001b[");
  }

  @Test
  void statusJsonIsServerBody() throws Exception {
    server.run(OPENROUTER_KEY, "set-key", "openrouter");

    Cli.Result status = server.run("", "status", "--json");

    assertThat(status.exitCode()).as(status.toString()).isZero();
    JsonNode printed = JSON.readTree(status.stdout());
    assertThat(printed).isEqualTo(server.server.get("/api/auth/status").json());
    assertThat(printed.at("/providers/openrouter/key_hint").asText()).isEqualTo(OPENROUTER_HINT);
    assertThat(printed.at("/providers/openrouter/authenticated").asBoolean()).isTrue();
    assertThat(status.stdout()).doesNotContain(OPENROUTER_KEY);
  }

  @Test
  void keyArgumentIsRejected() {
    Cli.Result rejected = server.run("", "set-key", "anthropic", ANTHROPIC_KEY);

    assertThat(rejected.exitCode()).as(rejected.toString()).isEqualTo(2);
    assertThat(rejected.stderr()).contains("process list").contains("shell history")
        .contains("printf '%s' \"$KEY\" | mix-auth set-key anthropic");
    assertThat(rejected.stdout() + rejected.stderr()).doesNotContain(ANTHROPIC_KEY);
    assertThat(server.server.get("/api/auth/status").json().at("/providers/anthropic/authenticated").asBoolean())
        .isFalse();
  }

  @Test
  void keyOptionIsRejectedUnechoed() {
    Cli.Result rejected = server.run("", "set-key", "anthropic", "--api-key=" + ANTHROPIC_KEY);

    assertThat(rejected.exitCode()).as(rejected.toString()).isEqualTo(2);
    assertThat(rejected.stderr()).contains("process list");
    assertThat(rejected.stdout() + rejected.stderr()).doesNotContain(ANTHROPIC_KEY);
  }

  @Test
  void keyInProviderPlaceIsNotEchoed() {
    Cli.Result rejected = server.run("", "set-key", ANTHROPIC_KEY);

    assertThat(rejected.exitCode()).as(rejected.toString()).isEqualTo(2);
    assertThat(rejected.stderr()).contains("Unknown provider").contains("anthropic, openai, openrouter");
    assertThat(rejected.stdout() + rejected.stderr()).doesNotContain(ANTHROPIC_KEY);
  }

  @Test
  void unknownProviderIsUsageError() {
    Cli.Result rejected = server.run(OPENROUTER_KEY, "set-key", "gemini");

    assertThat(rejected.exitCode()).as(rejected.toString()).isEqualTo(2);
    assertThat(rejected.stderr()).contains("Unknown provider 'gemini'; expected one of anthropic, openai, openrouter.");
  }

  @Test
  void emptyInputStoresNothing() {
    Cli.Result empty = server.run("\n", "set-key", "openai");

    assertThat(empty.exitCode()).as(empty.toString()).isEqualTo(1);
    assertThat(empty.stderr()).startsWith("mix-auth: no API key was entered");
    assertThat(server.server.get("/api/auth/status").json().at("/providers/openai/authenticated").asBoolean())
        .isFalse();
  }

  @Test
  void malformedKeyShowsServerMessage() {
    Cli.Result rejected = server.run("sk-q7", "set-key", "anthropic");

    assertThat(rejected.exitCode()).as(rejected.toString()).isEqualTo(1);
    assertThat(rejected.stderr()).startsWith("mix-auth: api_key ");
    assertThat(rejected.stderr().lines().count()).isEqualTo(1);
    assertThat(rejected.stderr()).doesNotContain("sk-q7");
  }

  @Test
  void logoutDeletesStoredKey() {
    server.run(OPENROUTER_KEY, "set-key", "openrouter");

    Cli.Result logout = server.run("", "logout", "openrouter");

    assertThat(logout.exitCode()).as(logout.toString()).isZero();
    assertThat(logout.stdout()).contains("Deleted the stored credentials for OpenRouter");
    Cli.Result status = server.run("", "status");
    assertThat(status.stdout()).containsPattern("openrouter +no +none");
  }

  @Test
  void logoutOfUnknownProviderFails() {
    Cli.Result logout = server.run("", "logout", "gemini");

    assertThat(logout.exitCode()).as(logout.toString()).isEqualTo(1);
    assertThat(logout.stderr()).startsWith("mix-auth: provider \"gemini\" is not a supported provider");
  }
}
