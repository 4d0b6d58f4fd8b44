package dev.mixauth.sdk.models;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The stored preferences and the providers to choose from.
 *
 * @param preferences optional: {@code null} when no preferences are stored
 * @param availableProviders the providers and their models, per provider id
 */
public record GetPreferencesResponse(
    UserPreferences preferences,
    @JsonProperty("available_providers") Map<String, AvailableProvider> availableProviders) {

  public GetPreferencesResponse {
    Required.field(availableProviders, "available_providers");
    availableProviders.forEach(
        (id, provider) -> Required.field(provider, "available_providers." + id));
    availableProviders = Collections.unmodifiableMap(new LinkedHashMap<>(availableProviders));
  }

  /** Returns the stored preferences, or an empty optional when none are stored. */
  public Optional<UserPreferences> storedPreferences() {
    return Optional.ofNullable(preferences);
  }
}
