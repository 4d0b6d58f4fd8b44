package dev.mixauth.server.oauth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mixauth.server.errors.MixAuthException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CallbackInputTest {
  private static final String CODE = "AbC123-code_value";
  private static final String STATE = "st4te-VALUE_xyz";

  @ParameterizedTest
  @ValueSource(
      strings = {
        "CODE#STATE",
        "CODE#STATE\r\n",
        "  CODE#STATE  ",
        "https://console.example/oauth/code/callback?code=CODE&state=STATE",
        "https://console.example/callback#code=CODE&state=STATE",
        "http://localhost:1455/auth/callback?state=STATE&code=CODE&scope=x",
        "code=CODE&state=STATE"
      })
  void readsEveryPastedShape(String pasted) {
    CallbackInput input = CallbackInput.parse(pasted.replace("CODE", CODE).replace("STATE", STATE), null);

    assertThat(input.code().reveal()).isEqualTo(CODE);
    assertThat(input.state()).isEqualTo(STATE);
  }

  @Test
  void splitsOnFirstHashOnly() {
    CallbackInput input = CallbackInput.parse(CODE + "#" + STATE + "#tail", null);

    assertThat(input.code().reveal()).isEqualTo(CODE);
    assertThat(input.state()).isEqualTo(STATE + "#tail");
  }

  @Test
  void takesStateFieldForBareCode() {
    CallbackInput input = CallbackInput.parse(CODE, STATE);

    assertThat(input.state()).isEqualTo(STATE);
  }

  @Test
  void rejectsStateMismatch() {
    assertThatThrownBy(() -> CallbackInput.parse(CODE + "#other", STATE))
        .isInstanceOf(MixAuthException.class)
        .hasMessageContaining("does not match the state field");
  }

  @Test
  void rejectsMissingState() {
    assertThatThrownBy(() -> CallbackInput.parse(CODE, null)).hasMessageStartingWith("state is required");
  }

  @Test
  void rejectsEmptyDigitsAndOverlongCodes() {
    assertThatThrownBy(() -> CallbackInput.parse("", STATE)).hasMessageStartingWith("code is required");
    assertThatThrownBy(() -> CallbackInput.parse("#" + STATE, null)).hasMessageContaining("code part is empty");
    assertThatThrownBy(() -> CallbackInput.parse("123456", STATE)).hasMessageContaining("only digits");
    assertThatThrownBy(() -> CallbackInput.parse("a".repeat(2049), STATE)).hasMessageContaining("maximum of 2048");
  }

  @Test
  void rejectsUrlWithoutCode() {
    assertThatThrownBy(() -> CallbackInput.parse("https://x.example/cb?error=access_denied&state=" + STATE, null))
        .hasMessageContaining("access_denied");
  }

  @Test
  void keepsCodeOutOfToString() {
    CallbackInput input = CallbackInput.parse(CODE + "#" + STATE, null);

    assertThat(input.toString()).doesNotContain(CODE);
  }
}
