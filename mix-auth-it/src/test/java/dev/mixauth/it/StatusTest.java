package dev.mixauth.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mixauth.sdk.errors.ErrorResponse;
import dev.mixauth.sdk.models.AuthMethod;
import dev.mixauth.sdk.models.DeleteCredentialsResponse;
import dev.mixauth.sdk.models.GetAuthStatusResponse;
import dev.mixauth.sdk.models.Provider;
import dev.mixauth.sdk.models.ProviderStatus;
import dev.mixauth.sdk.models.UpdatePreferencesRequest;
import dev.mixauth.sdk.models.ValidatePreferredProviderResponse;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** getAuthStatus, validatePreferredProvider and deleteCredentials against the real server. */
class StatusTest extends FakesServerTest {

  private static final String ANTHROPIC_KEY = "sk-ant-api03-StoredAnthropicKeyForTests-7Kq2";
  private static final String OPENAI_ENVIRONMENT_KEY = "sk-proj-EnvironmentKeyOfTheServer-Zx81";

  @Override
  Map<String, String> settings() {
    return Map.of("OPENAI_API_KEY", OPENAI_ENVIRONMENT_KEY);
  }

  @ParameterizedTest
  @EnumSource(CallStyle.class)
  void getAuthStatusListsEveryProvider(CallStyle style) {
    GetAuthStatusResponse status =
        style.call(() -> auth.getAuthStatus(), () -> auth.getAuthStatusAsync());

    assertThat(status.providers()).containsOnlyKeys("anthropic", "openai", "openrouter");
    ProviderStatus openRouter = status.statusOf(Provider.OPENROUTER).orElseThrow();
    assertThat(openRouter.authenticated()).isFalse();
    assertThat(openRouter.authMethod()).isEqualTo(AuthMethod.NONE);
    assertThat(openRouter.displayName()).isEqualTo("OpenRouter");
    assertThat(openRouter.source()).isNull();
    assertThat(openRouter.keyHint()).isNull();
    assertThat(openRouter.expiresAt()).isNull();
  }

  @ParameterizedTest
  @EnumSource(CallStyle.class)
  void getAuthStatusShowsKeySources(CallStyle style) {
    auth.storeApiKey(ANTHROPIC_KEY, Provider.ANTHROPIC);

    GetAuthStatusResponse status =
        style.call(() -> auth.getAuthStatus(), () -> auth.getAuthStatusAsync());

    ProviderStatus anthropic = status.statusOf(Provider.ANTHROPIC).orElseThrow();
    assertThat(anthropic.authMethod()).isEqualTo(AuthMethod.API_KEY);
    assertThat(anthropic.source()).isEqualTo("stored");
    assertThat(anthropic.keyHint()).isEqualTo("sk-ant-api03-…7Kq2");
    assertThat(anthropic.expiresAt()).isNull();
    ProviderStatus openAi = status.statusOf(Provider.OPENAI).orElseThrow();
    assertThat(openAi.authenticated()).isTrue();
    assertThat(openAi.authMethod()).isEqualTo(AuthMethod.API_KEY);
    assertThat(openAi.source()).isEqualTo("environment");
    assertThat(openAi.keyHint()).isEqualTo("sk-proj-…Zx81");
  }

  @ParameterizedTest
  @EnumSource(CallStyle.class)
  void validatePreferredProviderWithoutCredentials(CallStyle style) {
    ValidatePreferredProviderResponse validation =
        style.call(
            () -> auth.validatePreferredProvider(), () -> auth.validatePreferredProviderAsync());

    assertThat(validation.valid()).isFalse();
    assertThat(validation.provider()).isEqualTo("anthropic");
    assertThat(validation.authMethod()).isEqualTo(AuthMethod.NONE);
    assertThat(validation.message()).contains("POST /api/auth/api-key");
  }

  @ParameterizedTest
  @EnumSource(CallStyle.class)
  void validatePreferredProviderWithKeys(CallStyle style) {
    auth.storeApiKey(ANTHROPIC_KEY, Provider.ANTHROPIC);

    ValidatePreferredProviderResponse stored =
        style.call(
            () -> auth.validatePreferredProvider(), () -> auth.validatePreferredProviderAsync());
    mix.preferences()
        .updatePreferences(
            UpdatePreferencesRequest.builder().preferredProvider(Provider.OPENAI).build());
    ValidatePreferredProviderResponse environment =
        style.call(
            () -> auth.validatePreferredProvider(), () -> auth.validatePreferredProviderAsync());

    assertThat(stored.valid()).isTrue();
    assertThat(stored.provider()).isEqualTo("anthropic");
    assertThat(stored.authMethod()).isEqualTo(AuthMethod.API_KEY);
    assertThat(environment.valid()).isTrue();
    assertThat(environment.provider()).isEqualTo("openai");
    assertThat(environment.message()).contains("OPENAI_API_KEY");
  }

  @ParameterizedTest
  @EnumSource(CallStyle.class)
  void deleteCredentialsRemovesStoredKey(CallStyle style) {
    auth.storeApiKey(ANTHROPIC_KEY, Provider.ANTHROPIC);

    DeleteCredentialsResponse deleted =
        style.call(
            () -> auth.deleteCredentials("anthropic"),
            () -> auth.deleteCredentialsAsync("anthropic"));

    assertThat(deleted.status()).isEqualTo("success");
    assertThat(deleted.provider()).isEqualTo("anthropic");
    assertThat(deleted.message()).contains("Deleted the stored credentials for Anthropic");
    ProviderStatus anthropic = auth.getAuthStatus().statusOf(Provider.ANTHROPIC).orElseThrow();
    assertThat(anthropic.authMethod()).isEqualTo(AuthMethod.NONE);
  }

  @ParameterizedTest
  @EnumSource(CallStyle.class)
  void deleteCredentialsUnknownProviderIs400(CallStyle style) {
    ErrorResponse error =
        style.failure(
            ErrorResponse.class,
            () -> auth.deleteCredentials("gemini"),
            () -> auth.deleteCredentialsAsync("gemini"));

    assertThat(error.statusCode()).isEqualTo(400);
    assertThat(error.error().type()).isEqualTo("validation_error");
    assertThat(error.error().message()).contains("\"gemini\" is not a supported provider");
  }

  @ParameterizedTest
  @EnumSource(CallStyle.class)
  void deleteCredentialsEnvironmentOnlyIs400(CallStyle style) {
    ErrorResponse error =
        style.failure(
            ErrorResponse.class,
            () -> auth.deleteCredentials("openai"),
            () -> auth.deleteCredentialsAsync("openai"));

    assertThat(error.statusCode()).isEqualTo(400);
    assertThat(error.error().message()).contains("OPENAI_API_KEY");
  }
}
