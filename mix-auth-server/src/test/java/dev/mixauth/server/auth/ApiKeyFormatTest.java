package dev.mixauth.server.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mixauth.server.errors.MixAuthException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ApiKeyFormatTest {
  private static final String ANTHROPIC_KEY = "sk-ant-api03-AbCdEfGhIjKlMnOpQrStUv-wxyz9xQ2";
  private final ProviderRegistry registry = ProviderRegistry.defaults();
  private final ApiKeyFormat format = new ApiKeyFormat(registry);
  private final ProviderInfo anthropic = registry.find("anthropic").orElseThrow();

  @ParameterizedTest
  @ValueSource(strings = {" KEY", "KEY\n", "KEY\r\n", "\tKEY ", "\"KEY\"", "'KEY'", " \"KEY\"\n"})
  void trimsWhitespaceAndOneQuotePair(String pasted) {
    String key = format.normalise(pasted.replace("KEY", ANTHROPIC_KEY), anthropic, "api_key").reveal();

    assertThat(key).isEqualTo(ANTHROPIC_KEY);
  }

  @ParameterizedTest
  @ValueSource(strings = {"KEY KEY", "KEY\u200b", "KEY\u00a0x", "KE\tY", "KEY\u0007"})
  void rejectsInnerWhitespaceAndInvisibleCharacters(String pasted) {
    String value = pasted.replace("KEY", ANTHROPIC_KEY);

    assertThatThrownBy(() -> format.normalise(value, anthropic, "api_key"))
        .isInstanceOf(MixAuthException.class)
        .hasMessageContaining("api_key contains")
        .hasMessageNotContaining(ANTHROPIC_KEY);
  }

  @Test
  void rejectsEmptyAndQuotesOnly() {
    assertThatThrownBy(() -> format.normalise("", anthropic, "api_key")).hasMessageContaining("api_key is empty");
    assertThatThrownBy(() -> format.normalise("  \"\" ", anthropic, "api_key")).hasMessageContaining("api_key is empty");
  }

  @Test
  void rejectsOverlongKey() {
    String key = "sk-ant-api03-" + "a".repeat(600);

    assertThatThrownBy(() -> format.normalise(key, anthropic, "api_key"))
        .hasMessageContaining("more than the maximum of 512");
  }

  @Test
  void rejectsOAuthTokenAsApiKey() {
    assertThatThrownBy(() -> format.normalise("sk-ant-oat01-abcdefghijklmnopqrstuvwxyz", anthropic, "api_key"))
        .hasMessageContaining("is an Anthropic OAuth access token")
        .hasMessageContaining("POST /api/auth/oauth/anthropic");
  }

  @Test
  void rejectsOpenRouterKeyForAnthropic() {
    assertThatThrownBy(() -> format.normalise("sk-or-v1-0123456789abcdef0123456789a9F2", anthropic, "api_key"))
        .hasMessage("api_key looks like an OpenRouter key (sk-or-v1-…a9F2), not an Anthropic key. Store it with"
            + " provider \"openrouter\", or paste the Anthropic key.");
  }

  @Test
  void rejectsAnthropicKeyForOpenAi() {
    ProviderInfo openai = registry.find("openai").orElseThrow();

    assertThatThrownBy(() -> format.normalise(ANTHROPIC_KEY, openai, "api_key"))
        .hasMessageContaining("looks like an Anthropic key");
  }

  @Test
  void acceptsPlainOpenAiKey() {
    ProviderInfo openai = registry.find("openai").orElseThrow();

    assertThat(format.normalise("sk-abcdefghijklmnopqrstuvwxyz012345", openai, "api_key").reveal())
        .isEqualTo("sk-abcdefghijklmnopqrstuvwxyz012345");
  }
}
