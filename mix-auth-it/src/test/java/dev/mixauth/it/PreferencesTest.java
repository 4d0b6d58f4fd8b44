package dev.mixauth.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mixauth.sdk.Mix;
import dev.mixauth.sdk.Preferences;
import dev.mixauth.sdk.errors.ErrorResponse;
import dev.mixauth.sdk.models.AvailableProvider;
import dev.mixauth.sdk.models.GetPreferencesResponse;
import dev.mixauth.sdk.models.Provider;
import dev.mixauth.sdk.models.UpdatePreferencesRequest;
import dev.mixauth.sdk.models.UserPreferences;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The preferences operations against the real server, which needs no provider for them. */
class PreferencesTest {

  @TempDir Path dataDir;

  private RunningServer server;
  private Mix mix;
  private Preferences preferences;

  @BeforeEach
  void start() {
    server = RunningServer.start(dataDir, Map.of());
    mix = server.client();
    preferences = mix.preferences();
  }

  @AfterEach
  void stop() {
    mix.close();
    server.close();
  }

  @ParameterizedTest
  @EnumSource(CallStyle.class)
  void getPreferencesBeforeAnyUpdate(CallStyle style) {
    GetPreferencesResponse response =
        style.call(() -> preferences.getPreferences(), () -> preferences.getPreferencesAsync());

    assertThat(response.preferences()).isNull();
    assertThat(response.storedPreferences()).isEmpty();
    assertThat(response.availableProviders()).containsOnlyKeys("anthropic", "openai", "openrouter");
    assertThat(response.availableProviders().get("openai").displayName()).isEqualTo("OpenAI");
  }

  @ParameterizedTest
  @EnumSource(CallStyle.class)
  void updatePreferencesStoresFields(CallStyle style) {
    UpdatePreferencesRequest request =
        UpdatePreferencesRequest.builder()
            .preferredProvider(Provider.OPENROUTER)
            .mainAgentModel("openai/gpt-5")
            .mainAgentMaxTokens(16000)
            .subAgentReasoningEffort("high")
            .build();
    long before = Instant.now().getEpochSecond();

    UserPreferences updated =
        style.call(
            () -> preferences.updatePreferences(request),
            () -> preferences.updatePreferencesAsync(request));

    assertThat(updated.preferredProvider()).isEqualTo("openrouter");
    assertThat(updated.mainAgentModel()).isEqualTo("openai/gpt-5");
    assertThat(updated.mainAgentMaxTokens()).isEqualTo(16000);
    assertThat(updated.subAgentReasoningEffort()).isEqualTo("high");
    assertThat(updated.subAgentModel()).isEqualTo("claude-haiku-4-5");
    assertThat(updated.updatedAt()).isBetween(before, Instant.now().getEpochSecond());
    assertThat(preferences.getPreferences().storedPreferences()).contains(updated);
  }

  @ParameterizedTest
  @EnumSource(CallStyle.class)
  void updatePreferencesUnknownProviderIs400(CallStyle style) {
    UpdatePreferencesRequest request =
        UpdatePreferencesRequest.builder().preferredProvider("gemini").build();

    ErrorResponse error =
        style.failure(
            ErrorResponse.class,
            () -> preferences.updatePreferences(request),
            () -> preferences.updatePreferencesAsync(request));

    assertThat(error.statusCode()).isEqualTo(400);
    assertThat(error.error().type()).isEqualTo("validation_error");
    assertThat(error.error().message()).contains("preferred_provider \"gemini\"");
    assertThat(preferences.getPreferences().preferences()).isNull();
  }

  @ParameterizedTest
  @EnumSource(CallStyle.class)
  void getAvailableProvidersListsModels(CallStyle style) {
    Map<String, AvailableProvider> providers =
        style.call(
            () -> preferences.getAvailableProviders(),
            () -> preferences.getAvailableProvidersAsync());

    assertThat(providers).containsOnlyKeys("anthropic", "openai", "openrouter");
    assertThat(providers.get("anthropic").displayName()).isEqualTo("Anthropic");
    assertThat(providers.get("anthropic").models()).contains("claude-sonnet-4-5");
  }

  @ParameterizedTest
  @EnumSource(CallStyle.class)
  void resetPreferencesRestoresDefaults(CallStyle style) {
    preferences.updatePreferences(
        UpdatePreferencesRequest.builder()
            .preferredProvider(Provider.OPENAI)
            .mainAgentMaxTokens(100)
            .build());

    UserPreferences reset =
        style.call(() -> preferences.resetPreferences(), () -> preferences.resetPreferencesAsync());

    assertThat(reset.preferredProvider()).isEqualTo("anthropic");
    assertThat(reset.mainAgentModel()).isEqualTo("claude-sonnet-4-5");
    assertThat(reset.mainAgentMaxTokens()).isEqualTo(8192);
    assertThat(preferences.getPreferences().storedPreferences()).contains(reset);
  }
}
