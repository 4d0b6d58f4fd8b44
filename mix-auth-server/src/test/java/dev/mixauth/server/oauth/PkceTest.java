package dev.mixauth.server.oauth;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mixauth.server.vault.Secret;
import org.junit.jupiter.api.Test;

class PkceTest {

  @Test
  void challengeMatchesRfc7636Example() {
    Secret verifier = Secret.of("dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk");

    assertThat(Pkce.challenge(verifier)).isEqualTo("E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM");
  }

  @Test
  void verifierHasRfcLengthAndAlphabet() {
    String verifier = Pkce.newVerifier().reveal();

    assertThat(verifier).hasSize(43).matches("[A-Za-z0-9_-]+");
  }

  @Test
  void stateIsIndependentOfVerifier() {
    assertThat(Pkce.newState()).hasSize(43).isNotEqualTo(Pkce.newState());
  }
}
