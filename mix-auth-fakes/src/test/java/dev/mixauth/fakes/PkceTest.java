package dev.mixauth.fakes;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PkceTest {

  @Test
  void s256MatchesRfcExample() {
    assertThat(Pkce.s256Challenge(Flows.RFC_VERIFIER)).isEqualTo(Flows.RFC_CHALLENGE);
  }

  @Test
  void matchesAcceptsRfcPair() {
    assertThat(Pkce.matches(Flows.RFC_VERIFIER, Flows.RFC_CHALLENGE)).isTrue();
  }

  @Test
  void matchesRejectsOtherVerifier() {
    String otherVerifier = Flows.RFC_VERIFIER.replace('d', 'e');

    assertThat(Pkce.matches(otherVerifier, Flows.RFC_CHALLENGE)).isFalse();
  }

  @Test
  void wellFormedLengthBounds() {
    assertThat(Pkce.isWellFormed("a".repeat(42))).isFalse();
    assertThat(Pkce.isWellFormed("a".repeat(43))).isTrue();
    assertThat(Pkce.isWellFormed("a".repeat(128))).isTrue();
    assertThat(Pkce.isWellFormed("a".repeat(129))).isFalse();
  }

  @Test
  void wellFormedAlphabet() {
    assertThat(Pkce.isWellFormed("aZ09-._~" + "a".repeat(40))).isTrue();
    assertThat(Pkce.isWellFormed("+" + "a".repeat(42))).isFalse();
    assertThat(Pkce.isWellFormed("=" + "a".repeat(42))).isFalse();
    assertThat(Pkce.isWellFormed(" " + "a".repeat(42))).isFalse();
    assertThat(Pkce.isWellFormed(null)).isFalse();
  }
}
