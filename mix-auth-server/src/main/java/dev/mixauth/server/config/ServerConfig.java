package dev.mixauth.server.config;

import dev.mixauth.server.config.OAuthSettings.TokenFormat;
import dev.mixauth.server.vault.Secret;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Everything the server is configured with. Built from environment variables by {@link
 * #fromEnvironment(Map)}; command-line flags then override single values with the {@code withX}
 * copies.
 *
 * @param apiUrls base URL per provider id for checking that an API key works
 * @param environmentKeys API keys found in {@code ANTHROPIC_API_KEY} and its siblings, by provider
 * @param providerTimeout how long one call to a provider may take before it counts as failed
 * @param allowedHosts extra {@code Host} names accepted besides the loopback names
 * @param allowedOrigins browser origins allowed to call the API; empty allows none
 * @param maxPendingFlows how many unfinished sign-ins one provider may have at a time
 * @param refreshInterval how often OAuth tokens are checked for a due refresh
 * @param database the PostgreSQL database of team mode; empty for the SQLite file in {@code dataDir}
 */
public record ServerConfig(
    String host,
    int port,
    Path dataDir,
    Optional<Secret> masterKey,
    Optional<Secret> apiToken,
    Map<String, URI> apiUrls,
    OAuthSettings anthropic,
    OAuthSettings openai,
    Map<String, Secret> environmentKeys,
    Duration providerTimeout,
    List<String> allowedHosts,
    List<String> allowedOrigins,
    int maxPendingFlows,
    Duration refreshInterval,
    Optional<DatabaseSettings> database) {

  public static final String DEFAULT_HOST = "127.0.0.1";
  public static final int DEFAULT_PORT = 8088;

  public ServerConfig {
    apiUrls = Map.copyOf(apiUrls);
    environmentKeys = Map.copyOf(environmentKeys);
    allowedHosts = List.copyOf(allowedHosts);
    allowedOrigins = List.copyOf(allowedOrigins);
  }

  /** Reads every setting from the environment, with the real provider endpoints as defaults. */
  public static ServerConfig fromEnvironment(Map<String, String> environment) {
    Settings settings = new Settings(environment);

    Map<String, URI> apiUrls = new LinkedHashMap<>();
    apiUrls.put("anthropic", settings.url("MIX_AUTH_ANTHROPIC_API_URL", "https://api.anthropic.com"));
    apiUrls.put("openai", settings.url("MIX_AUTH_OPENAI_API_URL", "https://api.openai.com"));
    apiUrls.put("openrouter", settings.url("MIX_AUTH_OPENROUTER_API_URL", "https://openrouter.ai"));

    Map<String, Secret> environmentKeys = new LinkedHashMap<>();
    settings.string("ANTHROPIC_API_KEY").ifPresent(key -> environmentKeys.put("anthropic", Secret.of(key)));
    settings.string("OPENAI_API_KEY").ifPresent(key -> environmentKeys.put("openai", Secret.of(key)));
    settings.string("OPENROUTER_API_KEY").ifPresent(key -> environmentKeys.put("openrouter", Secret.of(key)));

    return new ServerConfig(
        settings.string("MIX_AUTH_HOST", DEFAULT_HOST),
        settings.port("MIX_AUTH_PORT", DEFAULT_PORT),
        settings.path("MIX_AUTH_DATA_DIR").orElseGet(() -> defaultDataDir(environment)),
        settings.string("MIX_AUTH_MASTER_KEY").map(Secret::of),
        settings.string("MIX_AUTH_API_TOKEN").map(Secret::of),
        apiUrls,
        anthropic(settings),
        openai(settings),
        environmentKeys,
        settings.millis("MIX_AUTH_PROVIDER_TIMEOUT_MS", Duration.ofSeconds(15)),
        settings.list("MIX_AUTH_ALLOWED_HOSTS"),
        settings.list("MIX_AUTH_ALLOWED_ORIGINS"),
        50,
        settings.millis("MIX_AUTH_REFRESH_INTERVAL_MS", Duration.ofMinutes(3)),
        DatabaseSettings.fromEnvironment(settings));
  }

  private static OAuthSettings anthropic(Settings settings) {
    return new OAuthSettings(
        "anthropic",
        settings.enabled("MIX_AUTH_ANTHROPIC_OAUTH", false),
        settings.string("MIX_AUTH_ANTHROPIC_CLIENT_ID", "9d1c250a-e61b-44d9-88ed-5944d1962f5e"),
        settings.url("MIX_AUTH_ANTHROPIC_AUTHORIZE_URL", "https://claude.ai/oauth/authorize"),
        settings.url("MIX_AUTH_ANTHROPIC_TOKEN_URL", "https://console.anthropic.com/v1/oauth/token"),
        settings.string("MIX_AUTH_ANTHROPIC_REDIRECT_URI", "https://console.anthropic.com/oauth/code/callback"),
        "org:create_api_key user:profile user:inference",
        settings.choice("MIX_AUTH_ANTHROPIC_TOKEN_FORMAT", TokenFormat.class, TokenFormat.JSON),
        settings.choice("MIX_AUTH_ANTHROPIC_STATE_MODE", StateMode.class, StateMode.INDEPENDENT) == StateMode.VERIFIER,
        true,
        null,
        false);
  }

  private static OAuthSettings openai(Settings settings) {
    return new OAuthSettings(
        "openai",
        settings.enabled("MIX_AUTH_OPENAI_OAUTH", true),
        settings.string("MIX_AUTH_OPENAI_CLIENT_ID", "app_EMoamEEZ73f0CkXaXp7hrann"),
        settings.url("MIX_AUTH_OPENAI_AUTHORIZE_URL", "https://auth.openai.com/oauth/authorize"),
        settings.url("MIX_AUTH_OPENAI_TOKEN_URL", "https://auth.openai.com/oauth/token"),
        redirectUri(settings, "MIX_AUTH_OPENAI_REDIRECT_URI", "http://localhost:1455/auth/callback"),
        "openid profile email offline_access",
        TokenFormat.FORM,
        false,
        false,
        settings.string("MIX_AUTH_OPENAI_REVOKE_URL").map(value -> settings.url("MIX_AUTH_OPENAI_REVOKE_URL", value))
            .orElse(null),
        settings.enabled("MIX_AUTH_OPENAI_CALLBACK_LISTENER", true));
  }

  /** Reads a redirect URI; a localhost one must name its port, because this server listens there. */
  private static String redirectUri(Settings settings, String name, String fallback) {
    URI uri = settings.url(name, fallback);
    if (("localhost".equals(uri.getHost()) || "127.0.0.1".equals(uri.getHost())) && uri.getPort() <= 0) {
      throw new ConfigException(name + " must name its port, such as http://localhost:1455/auth/callback.");
    }
    return uri.toString();
  }

  /** Whether the Anthropic state is an independent random value or the PKCE verifier. */
  enum StateMode {
    INDEPENDENT,
    VERIFIER
  }

  private static Path defaultDataDir(Map<String, String> environment) {
    String xdg = environment.get("XDG_DATA_HOME");
    if (xdg != null && !xdg.isBlank()) {
      return Path.of(xdg, "mix-auth");
    }
    return Path.of(System.getProperty("user.home"), ".local", "share", "mix-auth");
  }

  public Optional<OAuthSettings> oauth(String provider) {
    return switch (provider) {
      case "anthropic" -> Optional.of(anthropic);
      case "openai" -> Optional.of(openai);
      default -> Optional.empty();
    };
  }

  public ServerConfig withProviderTimeout(Duration value) {
    return new ServerConfig(host, port, dataDir, masterKey, apiToken, apiUrls, anthropic, openai, environmentKeys,
        value, allowedHosts, allowedOrigins, maxPendingFlows, refreshInterval, database);
  }

  public ServerConfig withHost(String value) {
    return new ServerConfig(value, port, dataDir, masterKey, apiToken, apiUrls, anthropic, openai, environmentKeys,
        providerTimeout, allowedHosts, allowedOrigins, maxPendingFlows, refreshInterval, database);
  }

  public ServerConfig withPort(int value) {
    return new ServerConfig(host, value, dataDir, masterKey, apiToken, apiUrls, anthropic, openai, environmentKeys,
        providerTimeout, allowedHosts, allowedOrigins, maxPendingFlows, refreshInterval, database);
  }

  public ServerConfig withDataDir(Path value) {
    return new ServerConfig(host, port, value, masterKey, apiToken, apiUrls, anthropic, openai, environmentKeys,
        providerTimeout, allowedHosts, allowedOrigins, maxPendingFlows, refreshInterval, database);
  }

  public ServerConfig withMaxPendingFlows(int value) {
    return new ServerConfig(host, port, dataDir, masterKey, apiToken, apiUrls, anthropic, openai, environmentKeys,
        providerTimeout, allowedHosts, allowedOrigins, value, refreshInterval, database);
  }
}
