package dev.mixauth.fakes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class FakeProvidersMainTest {

  @Test
  void parseDefaults() {
    FakeProvidersMain.Arguments arguments = FakeProvidersMain.parse(new String[0]);

    assertThat(arguments.port).isEqualTo(8089);
    assertThat(arguments.acceptedKeys).isEmpty();
    assertThat(arguments.help).isFalse();
  }

  @Test
  void parsePortAndKeys() {
    FakeProvidersMain.Arguments arguments =
        FakeProvidersMain.parse(
            new String[] {
              "--port", "0", "--accept-key", "OpenAI=sk-a=b", "--accept-key=openrouter=sk-or-v1-x"
            });

    assertThat(arguments.port).isZero();
    assertThat(arguments.acceptedKeys).hasSize(2);
    assertThat(arguments.acceptedKeys.get(0).provider()).isEqualTo(Provider.OPENAI);
    assertThat(arguments.acceptedKeys.get(0).key()).isEqualTo("sk-a=b");
    assertThat(arguments.acceptedKeys.get(1).provider()).isEqualTo(Provider.OPENROUTER);
  }

  @Test
  void parseRejectsBadPort() {
    assertThatThrownBy(() -> FakeProvidersMain.parse(new String[] {"--port", "http"}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("--port must be a number, got 'http'.");
    assertThatThrownBy(() -> FakeProvidersMain.parse(new String[] {"--port", "70000"}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("--port must be between 0 and 65535, got 70000.");
  }

  @Test
  void parseRejectsMissingValue() {
    assertThatThrownBy(() -> FakeProvidersMain.parse(new String[] {"--accept-key"}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Option --accept-key needs a value.");
  }

  @Test
  void parseRejectsKeyWithoutProvider() {
    assertThatThrownBy(() -> FakeProvidersMain.parse(new String[] {"--accept-key", "sk-secret"}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("--accept-key must have the form PROVIDER=KEY, for example openai=sk-test.");
  }

  @Test
  void parseRejectsUnknownProvider() {
    assertThatThrownBy(() -> FakeProvidersMain.parse(new String[] {"--accept-key", "gemini=k"}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Unknown provider 'gemini'. Expected one of: anthropic, openai, openrouter.");
  }

  @Test
  void parseRejectsUnknownOption() {
    assertThatThrownBy(() -> FakeProvidersMain.parse(new String[] {"--host", "0.0.0.0"}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Unknown argument '--host'. Run with --help to list the options.");
  }

  @Test
  void bannerListsEnvironmentWithoutKeys() {
    try (FakeProviders fake = FakeProviders.start()) {
      fake.acceptApiKey("anthropic", "sk-ant-api03-demo-secret");
      ByteArrayOutputStream buffer = new ByteArrayOutputStream();

      FakeProvidersMain.printBanner(fake, new PrintStream(buffer, true, StandardCharsets.UTF_8));

      String base = fake.baseUrl();
      assertThat(buffer.toString(StandardCharsets.UTF_8))
          .contains(
              "export MIX_AUTH_ANTHROPIC_AUTHORIZE_URL=" + base + "/anthropic/oauth/authorize\n")
          .contains("export MIX_AUTH_ANTHROPIC_TOKEN_URL=" + base + "/anthropic/v1/oauth/token\n")
          .contains("export MIX_AUTH_ANTHROPIC_API_URL=" + base + "/anthropic\n")
          .contains("export MIX_AUTH_OPENAI_AUTHORIZE_URL=" + base + "/openai/oauth/authorize\n")
          .contains("export MIX_AUTH_OPENAI_TOKEN_URL=" + base + "/openai/oauth/token\n")
          .contains("export MIX_AUTH_OPENAI_API_URL=" + base + "/openai\n")
          .contains("export MIX_AUTH_OPENROUTER_API_URL=" + base + "/openrouter\n")
          .contains("Accepted API keys: anthropic 1, openai 0, openrouter 0.")
          .doesNotContain("sk-ant-api03-demo-secret");
    }
  }
}
