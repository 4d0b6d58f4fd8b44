package dev.mixauth.server.vault;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class KeyHintTest {

  @Test
  void keepsProviderPrefixAndLastFour() {
    assertThat(KeyHint.of("sk-or-v1-0123456789abcdef0123a9F2")).isEqualTo("sk-or-v1-…a9F2");
    assertThat(KeyHint.of("sk-ant-api03-abcdefghijklmnop9xQ2")).isEqualTo("sk-ant-api03-…9xQ2");
  }

  @Test
  void hidesTailOfShortValues() {
    assertThat(KeyHint.of("abc-12345")).isEqualTo("abc-…");
    assertThat(KeyHint.of("")).isEqualTo("…");
  }

  @Test
  void secretToStringShowsOnlyHint() {
    Secret secret = Secret.of("sk-ant-api03-abcdefghijklmnop9xQ2");

    assertThat(secret.toString()).isEqualTo("Secret[sk-ant-api03-…9xQ2]");
  }
}
