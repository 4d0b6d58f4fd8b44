package dev.mixauth.server.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mixauth.server.auth.PreferencesService;
import dev.mixauth.server.auth.PreferencesUpdate;
import dev.mixauth.server.auth.ProviderInfo;
import dev.mixauth.server.auth.ProviderRegistry;
import dev.mixauth.server.vault.StoredPreferences;
import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/** The preferences endpoints. */
final class PreferenceHandlers {
  private static final Set<String> UPDATABLE =
      Set.of(
          "preferred_provider",
          "main_agent_model",
          "main_agent_max_tokens",
          "main_agent_reasoning_effort",
          "sub_agent_model",
          "sub_agent_max_tokens",
          "sub_agent_reasoning_effort");

  private final ObjectMapper json;
  private final PreferencesService preferences;
  private final ProviderRegistry registry;

  PreferenceHandlers(ObjectMapper json, PreferencesService preferences, ProviderRegistry registry) {
    this.json = json;
    this.preferences = preferences;
    this.registry = registry;
  }

  void get(Context ctx) {
    Responses.Preferences current = preferences.current().map(PreferenceHandlers::toResponse).orElse(null);
    ctx.json(new Responses.PreferencesWithProviders(current, availableProviders()));
  }

  void update(Context ctx) {
    JsonBody body = JsonBody.read(ctx, json, UPDATABLE);
    PreferencesUpdate update =
        new PreferencesUpdate(
            body.optionalString("preferred_provider"),
            body.optionalString("main_agent_model"),
            body.optionalInteger("main_agent_max_tokens"),
            body.optionalString("main_agent_reasoning_effort"),
            body.optionalString("sub_agent_model"),
            body.optionalInteger("sub_agent_max_tokens"),
            body.optionalString("sub_agent_reasoning_effort"));

    StoredPreferences stored = preferences.update(update, AuthHandlers.caller(ctx));
    ctx.json(toResponse(stored));
  }

  void providers(Context ctx) {
    ctx.json(availableProviders());
  }

  void reset(Context ctx) {
    JsonBody.readEmpty(ctx, json);

    StoredPreferences stored = preferences.reset(AuthHandlers.caller(ctx));
    ctx.json(toResponse(stored));
  }

  private Map<String, Responses.AvailableProvider> availableProviders() {
    Map<String, Responses.AvailableProvider> providers = new LinkedHashMap<>();
    for (ProviderInfo provider : registry.all()) {
      providers.put(provider.id(), new Responses.AvailableProvider(provider.displayName(), provider.models()));
    }
    return providers;
  }

  private static Responses.Preferences toResponse(StoredPreferences p) {
    return new Responses.Preferences(
        p.preferredProvider(),
        p.mainAgentModel(),
        p.mainAgentMaxTokens(),
        p.mainAgentReasoningEffort(),
        p.subAgentModel(),
        p.subAgentMaxTokens(),
        p.subAgentReasoningEffort(),
        p.createdAt().getEpochSecond(),
        p.updatedAt().getEpochSecond());
  }
}
