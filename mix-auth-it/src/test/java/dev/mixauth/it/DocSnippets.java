package dev.mixauth.it;

import dev.mixauth.sdk.Mix;
import dev.mixauth.sdk.MixListener;
import dev.mixauth.sdk.RetryConfig;
import dev.mixauth.sdk.errors.ErrorResponse;
import dev.mixauth.sdk.errors.MixConnectionException;
import dev.mixauth.sdk.errors.MixDefaultError;
import dev.mixauth.sdk.errors.ResponseValidationError;
import dev.mixauth.sdk.models.AvailableProvider;
import dev.mixauth.sdk.models.DeleteCredentialsResponse;
import dev.mixauth.sdk.models.GetAuthStatusResponse;
import dev.mixauth.sdk.models.GetPreferencesResponse;
import dev.mixauth.sdk.models.HandleOAuthCallbackResponse;
import dev.mixauth.sdk.models.HealthCheckResponse;
import dev.mixauth.sdk.models.InitiateOAuthLoginResponse;
import dev.mixauth.sdk.models.OAuthHealthResponse;
import dev.mixauth.sdk.models.Provider;
import dev.mixauth.sdk.models.RefreshOAuthTokensResponse;
import dev.mixauth.sdk.models.SetApiKeyResponse;
import dev.mixauth.sdk.models.StartOAuthFlowResponse;
import dev.mixauth.sdk.models.StoreApiKeyResponse;
import dev.mixauth.sdk.models.UpdatePreferencesRequest;
import dev.mixauth.sdk.models.UserPreferences;
import dev.mixauth.sdk.models.ValidatePreferredProviderResponse;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The Java blocks of docs/sdk.md and mix-sdk/README.md, so that the compiler checks them. Each
 * block is the text between a {@code snippet:start} and a {@code snippet:end} comment, without the
 * common indentation, and {@link DocSnippetsTest} fails when a doc block differs from every
 * snippet. Nothing here runs. Parameters stand for values the docs leave to the reader.
 */
@SuppressWarnings("unused")
final class DocSnippets {

  private DocSnippets() {}

  static void firstCall(String apiKey) {
    // snippet:start first-call
    try (Mix mix = Mix.builder().serverUrl("http://localhost:8088").build()) {
      StoreApiKeyResponse res = mix.authentication().storeApiKey(apiKey, Provider.OPENROUTER);
      GetAuthStatusResponse status = mix.authentication().getAuthStatus();
    }
    // snippet:end first-call
  }

  static void storeApiKey() {
    // snippet:start store-api-key
    try (Mix mix = Mix.create()) {
      StoreApiKeyResponse res =
          mix.authentication().storeApiKey("<value>", Provider.OPENROUTER);

      // Handle response
      System.out.println(res);
    }
    // snippet:end store-api-key
  }

  static void setApiKey() {
    // snippet:start set-api-key
    try (Mix mix = Mix.create()) {
      SetApiKeyResponse res = mix.authentication().setApiKey("<value>");

      // Handle response
      System.out.println(res);
    }
    // snippet:end set-api-key
  }

  static void initiateOAuthLogin() {
    // snippet:start initiate-oauth-login
    try (Mix mix = Mix.create()) {
      InitiateOAuthLoginResponse res = mix.authentication().initiateOAuthLogin();

      // Handle response
      System.out.println(res.authUrl());
    }
    // snippet:end initiate-oauth-login
  }

  static void handleOAuthCallback() {
    // snippet:start handle-oauth-callback
    try (Mix mix = Mix.create()) {
      HandleOAuthCallbackResponse res =
          mix.authentication().handleOAuthCallback("<value>", "anthropic", "<state>");

      // Handle response
      System.out.println(res);
    }
    // snippet:end handle-oauth-callback
  }

  static void startOAuthFlow() {
    // snippet:start start-oauth-flow
    try (Mix mix = Mix.create()) {
      StartOAuthFlowResponse res = mix.authentication().startOAuthFlow("anthropic");

      // Handle response
      System.out.println(res.authUrl());
    }
    // snippet:end start-oauth-flow
  }

  static void getAuthStatus() {
    // snippet:start get-auth-status
    try (Mix mix = Mix.create()) {
      GetAuthStatusResponse res = mix.authentication().getAuthStatus();

      // Handle response
      System.out.println(res);
    }
    // snippet:end get-auth-status
  }

  static void validatePreferredProvider() {
    // snippet:start validate-preferred-provider
    try (Mix mix = Mix.create()) {
      ValidatePreferredProviderResponse res = mix.authentication().validatePreferredProvider();

      // Handle response
      System.out.println(res);
    }
    // snippet:end validate-preferred-provider
  }

  static void deleteCredentials() {
    // snippet:start delete-credentials
    try (Mix mix = Mix.create()) {
      DeleteCredentialsResponse res = mix.authentication().deleteCredentials("<value>");

      // Handle response
      System.out.println(res);
    }
    // snippet:end delete-credentials
  }

  static void oauthHealthAndRefresh() {
    // snippet:start oauth-health
    try (Mix mix = Mix.create()) {
      OAuthHealthResponse health = mix.authentication().getOAuthHealth();
      RefreshOAuthTokensResponse refreshed = mix.authentication().refreshOAuthTokens();

      // Handle response
      System.out.println(health.status() + ", " + refreshed.message());
    }
    // snippet:end oauth-health
  }

  static void preferences() {
    // snippet:start preferences
    try (Mix mix = Mix.create()) {
      GetPreferencesResponse current = mix.preferences().getPreferences();
      Map<String, AvailableProvider> providers = mix.preferences().getAvailableProviders();

      UserPreferences updated =
          mix.preferences()
              .updatePreferences(
                  UpdatePreferencesRequest.builder()
                      .preferredProvider(Provider.OPENROUTER)
                      .mainAgentModel(providers.get("openrouter").models().get(0))
                      .build());
      UserPreferences defaults = mix.preferences().resetPreferences();

      // Handle response
      System.out.println(current.storedPreferences().isPresent() + ", " + updated + ", " + defaults);
    }
    // snippet:end preferences
  }

  static void healthCheck() {
    // snippet:start health-check
    try (Mix mix = Mix.create()) {
      HealthCheckResponse res = mix.health().healthCheck();

      // Handle response
      System.out.println(res.status() + " " + res.version());
    }
    // snippet:end health-check
  }

  static void async(Mix mix) {
    // snippet:start async
    CompletableFuture<GetAuthStatusResponse> future = mix.authentication().getAuthStatusAsync();
    future
        .thenAccept(status -> System.out.println(status.providers().keySet()))
        .exceptionally(
            failure -> {
              // The SDK's exception arrives as the cause of a CompletionException.
              System.err.println(failure.getCause().getMessage());
              return null;
            });
    // snippet:end async
  }

  static void asyncExecutor() {
    // snippet:start async-executor
    ExecutorService executor = Executors.newFixedThreadPool(4);
    try (Mix mix = Mix.builder().executor(executor).build()) {
      mix.authentication().getAuthStatusAsync().join();
    } finally {
      executor.shutdown(); // the client leaves an executor it was given open
    }
    // snippet:end async-executor
  }

  static void clientRetries() {
    // snippet:start retry-client
    RetryConfig patient =
        RetryConfig.backoff(
            Duration.ofSeconds(1), // first wait
            Duration.ofSeconds(30), // maximum single wait
            2.0, // factor between two waits
            Duration.ofMinutes(5), // maximum time from the first attempt to the end of a wait
            true); // retry when no response arrived
    try (Mix mix = Mix.builder().retryConfig(patient).build()) {
      System.out.println(mix.authentication().getAuthStatus());
    }
    // snippet:end retry-client
  }

  static void callRetries(Mix mix) {
    // snippet:start retry-call
    RetryConfig quick =
        RetryConfig.backoff(
            Duration.ofMillis(200), Duration.ofSeconds(2), 1.5, Duration.ofSeconds(10), true);
    GetAuthStatusResponse status = mix.authentication().getAuthStatus(quick);
    // snippet:end retry-call
  }

  static void noRetries(Mix mix, String apiKey) {
    // snippet:start retry-none
    SetApiKeyResponse res = mix.authentication().setApiKey(apiKey, RetryConfig.none());
    // snippet:end retry-none
  }

  static void errors(Mix mix, String apiKey) {
    // snippet:start errors
    try {
      mix.authentication().setApiKey(apiKey);
    } catch (ErrorResponse e) {
      // A status that setApiKey lists: 400 (invalid key), 401 (rejected by the provider), 500.
      System.err.println(e.statusCode() + " " + e.error().type() + ": " + e.error().message());
    } catch (MixDefaultError e) {
      // Any other status, such as 502 when the server could not reach the provider.
      System.err.println("HTTP " + e.statusCode() + ": " + e.body());
    } catch (ResponseValidationError e) {
      // A 2XX response whose body does not match SetApiKeyResponse.
      System.err.println(e.getMessage());
    } catch (MixConnectionException e) {
      // No HTTP response arrived, after the retries the policy allows.
      System.err.println(e.getMessage());
    }
    // snippet:end errors
  }

  static void serverSelection() {
    // snippet:start server-url
    Mix local = Mix.create(); // http://localhost:8088
    Mix other = Mix.builder().serverUrl("http://127.0.0.1:9090").build();
    Mix behindProxy = Mix.builder().serverUrl("https://tools.example.com/mix").build();
    // snippet:end server-url
    local.close();
    other.close();
    behindProxy.close();
  }

  static void apiToken() {
    // snippet:start api-token
    try (Mix mix =
        Mix.builder()
            .serverUrl("http://127.0.0.1:8088")
            .header("Authorization", "Bearer " + System.getenv("MIX_AUTH_API_TOKEN"))
            .build()) {
      System.out.println(mix.authentication().getAuthStatus());
    }
    // snippet:end api-token
  }

  static void customHttpClient() {
    // snippet:start http-client
    HttpClient httpClient =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2))
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
    try (Mix mix =
        Mix.builder().httpClient(httpClient).timeout(Duration.ofSeconds(10)).build()) {
      System.out.println(mix.health().healthCheck());
    }
    // snippet:end http-client
  }

  static void listener() {
    // snippet:start listener
    System.Logger log = System.getLogger("mix-sdk");
    MixListener logging =
        new MixListener() {
          @Override
          public void onResponse(ResponseEvent event) {
            log.log(
                System.Logger.Level.INFO,
                "{0} {1} attempt {2}: status {3} in {4} ms {5}",
                event.method(),
                event.path(),
                event.attempt(),
                event.statusCode(),
                event.duration().toMillis(),
                event.failure());
          }
        };
    try (Mix mix = Mix.builder().listener(logging).build()) {
      mix.authentication().getAuthStatus();
    }
    // snippet:end listener
  }
}
