package dev.mixauth.server.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Map;

/** The JSON bodies of successful responses, with the field names the API contract fixes. */
final class Responses {
  private Responses() {}

  record ProviderOperation(String status, String provider, String message) {
    static ProviderOperation success(String provider, String message) {
      return new ProviderOperation("success", provider, message);
    }
  }

  record SetApiKey(boolean success) {}

  record InitiateLogin(@JsonProperty("authUrl") String authUrl) {}

  record OAuthCallback(
      String status, String provider, String message, @JsonProperty("expires_in") long expiresIn) {}

  record StartOAuth(@JsonProperty("auth_url") String authUrl, String state, String message) {}

  record AuthStatus(Map<String, ProviderEntry> providers) {}

  @JsonInclude(JsonInclude.Include.NON_NULL)
  record ProviderEntry(
      boolean authenticated,
      @JsonProperty("auth_method") String authMethod,
      @JsonProperty("display_name") String displayName,
      String source,
      @JsonProperty("key_hint") String keyHint,
      @JsonProperty("expires_at") String expiresAt) {}

  record Validate(
      boolean valid, String provider, @JsonProperty("auth_method") String authMethod, String message) {}

  record Health(String status, String timestamp, String version) {}

  record AvailableProvider(@JsonProperty("display_name") String displayName, List<String> models) {}

  @JsonInclude(JsonInclude.Include.ALWAYS)
  record Preferences(
      @JsonProperty("preferred_provider") String preferredProvider,
      @JsonProperty("main_agent_model") String mainAgentModel,
      @JsonProperty("main_agent_max_tokens") Integer mainAgentMaxTokens,
      @JsonProperty("main_agent_reasoning_effort") String mainAgentReasoningEffort,
      @JsonProperty("sub_agent_model") String subAgentModel,
      @JsonProperty("sub_agent_max_tokens") Integer subAgentMaxTokens,
      @JsonProperty("sub_agent_reasoning_effort") String subAgentReasoningEffort,
      @JsonProperty("created_at") long createdAt,
      @JsonProperty("updated_at") long updatedAt) {}

  @JsonInclude(JsonInclude.Include.ALWAYS)
  record PreferencesWithProviders(
      Preferences preferences,
      @JsonProperty("available_providers") Map<String, AvailableProvider> availableProviders) {}
}
