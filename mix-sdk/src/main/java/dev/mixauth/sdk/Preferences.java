package dev.mixauth.sdk;

import dev.mixauth.sdk.errors.ErrorResponse;
import dev.mixauth.sdk.models.AvailableProvider;
import dev.mixauth.sdk.models.GetPreferencesResponse;
import dev.mixauth.sdk.models.UpdatePreferencesRequest;
import dev.mixauth.sdk.models.UserPreferences;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;

/**
 * Operations on the user's provider and model preferences.
 *
 * <p>The forms follow {@link Authentication}: a blocking call, one with a {@link RetryConfig} for
 * this call only ({@code null} means the client's), and an {@code …Async} twin of each.
 */
public final class Preferences {

  private static final Operation GET_PREFERENCES = Operation.get("getPreferences", 500);
  private static final Operation UPDATE_PREFERENCES = Operation.post("updatePreferences", 400, 500);
  private static final Operation GET_AVAILABLE_PROVIDERS =
      Operation.get("getAvailableProviders", 500);
  private static final Operation RESET_PREFERENCES = Operation.post("resetPreferences", 500);

  private final Transport transport;

  Preferences(Transport transport) {
    this.transport = transport;
  }

  /**
   * Returns the stored preferences and the providers to choose from ({@code GET /api/preferences}).
   *
   * @throws ErrorResponse for status 500
   */
  public GetPreferencesResponse getPreferences() {
    return getPreferences(null);
  }

  /** Returns the stored preferences with the retry policy {@code retryConfig}. */
  public GetPreferencesResponse getPreferences(RetryConfig retryConfig) {
    return transport.call(
        GET_PREFERENCES,
        "/api/preferences",
        null,
        retryConfig,
        transport.type(GetPreferencesResponse.class));
  }

  /** Runs {@link #getPreferences()} on the client's executor. */
  public CompletableFuture<GetPreferencesResponse> getPreferencesAsync() {
    return transport.async(this::getPreferences);
  }

  /** Runs {@link #getPreferences(RetryConfig)} on the client's executor. */
  public CompletableFuture<GetPreferencesResponse> getPreferencesAsync(RetryConfig retryConfig) {
    return transport.async(() -> getPreferences(retryConfig));
  }

  /**
   * Updates the fields that {@code request} sets and returns the stored preferences ({@code POST
   * /api/preferences}).
   *
   * @throws ErrorResponse for status 400 (such as an unknown preferred provider) or 500
   */
  public UserPreferences updatePreferences(UpdatePreferencesRequest request) {
    return updatePreferences(request, null);
  }

  /** Updates the preferences with the retry policy {@code retryConfig}. */
  public UserPreferences updatePreferences(
      UpdatePreferencesRequest request, RetryConfig retryConfig) {
    Objects.requireNonNull(request, "request");
    return transport.call(
        UPDATE_PREFERENCES,
        "/api/preferences",
        request,
        retryConfig,
        transport.type(UserPreferences.class));
  }

  /** Runs {@link #updatePreferences(UpdatePreferencesRequest)} on the client's executor. */
  public CompletableFuture<UserPreferences> updatePreferencesAsync(
      UpdatePreferencesRequest request) {
    return transport.async(() -> updatePreferences(request));
  }

  /**
   * Runs {@link #updatePreferences(UpdatePreferencesRequest, RetryConfig)} on the client's
   * executor.
   */
  public CompletableFuture<UserPreferences> updatePreferencesAsync(
      UpdatePreferencesRequest request, RetryConfig retryConfig) {
    return transport.async(() -> updatePreferences(request, retryConfig));
  }

  /**
   * Returns the providers and their models, per provider id ({@code GET
   * /api/preferences/providers}).
   *
   * @throws ErrorResponse for status 500
   */
  public Map<String, AvailableProvider> getAvailableProviders() {
    return getAvailableProviders(null);
  }

  /** Returns the providers and their models with the retry policy {@code retryConfig}. */
  public Map<String, AvailableProvider> getAvailableProviders(RetryConfig retryConfig) {
    Map<String, AvailableProvider> providers =
        transport.call(
            GET_AVAILABLE_PROVIDERS,
            "/api/preferences/providers",
            null,
            retryConfig,
            transport.mapOf(AvailableProvider.class));
    return Map.copyOf(providers);
  }

  /** Runs {@link #getAvailableProviders()} on the client's executor. */
  public CompletableFuture<Map<String, AvailableProvider>> getAvailableProvidersAsync() {
    return transport.async(this::getAvailableProviders);
  }

  /** Runs {@link #getAvailableProviders(RetryConfig)} on the client's executor. */
  public CompletableFuture<Map<String, AvailableProvider>> getAvailableProvidersAsync(
      RetryConfig retryConfig) {
    return transport.async(() -> getAvailableProviders(retryConfig));
  }

  /**
   * Resets the preferences to their defaults and returns them ({@code POST
   * /api/preferences/reset}).
   *
   * @throws ErrorResponse for status 500
   */
  public UserPreferences resetPreferences() {
    return resetPreferences(null);
  }

  /** Resets the preferences with the retry policy {@code retryConfig}. */
  public UserPreferences resetPreferences(RetryConfig retryConfig) {
    return transport.call(
        RESET_PREFERENCES,
        "/api/preferences/reset",
        null,
        retryConfig,
        transport.type(UserPreferences.class));
  }

  /** Runs {@link #resetPreferences()} on the client's executor. */
  public CompletableFuture<UserPreferences> resetPreferencesAsync() {
    return transport.async(this::resetPreferences);
  }

  /** Runs {@link #resetPreferences(RetryConfig)} on the client's executor. */
  public CompletableFuture<UserPreferences> resetPreferencesAsync(RetryConfig retryConfig) {
    return transport.async(() -> resetPreferences(retryConfig));
  }
}
