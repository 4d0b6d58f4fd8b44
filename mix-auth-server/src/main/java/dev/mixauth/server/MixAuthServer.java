package dev.mixauth.server;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.google.crypto.tink.KeysetHandle;
import dev.mixauth.server.api.ApiServer;
import dev.mixauth.server.audit.AuditLog;
import dev.mixauth.server.auth.CredentialIndex;
import dev.mixauth.server.auth.CredentialService;
import dev.mixauth.server.auth.PreferencesService;
import dev.mixauth.server.auth.ProviderRegistry;
import dev.mixauth.server.auth.StatusService;
import dev.mixauth.server.config.ConfigException;
import dev.mixauth.server.config.DataDirectory;
import dev.mixauth.server.config.ServerConfig;
import dev.mixauth.server.config.OAuthSettings;
import dev.mixauth.server.oauth.CallbackListener;
import dev.mixauth.server.oauth.OAuthFlowService;
import dev.mixauth.server.oauth.RefreshScheduler;
import dev.mixauth.server.oauth.TokenRefresher;
import dev.mixauth.server.oauth.TokenRevoker;
import dev.mixauth.server.oauth.TokenEndpoint;
import dev.mixauth.server.oauth.TokenHealth;
import dev.mixauth.server.provider.HttpKeyChecker;
import dev.mixauth.server.provider.KeyChecker;
import dev.mixauth.server.provider.ProviderHttp;
import dev.mixauth.server.store.StoreFactory;
import dev.mixauth.server.vault.CredentialStore;
import dev.mixauth.server.vault.CredentialVault;
import dev.mixauth.server.vault.KeysetSource;
import dev.mixauth.server.vault.TinkSecretBox;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds the whole server from its configuration: the store, the keyset, the services and the
 * HTTP API. Closing it stops the listener first and closes the store last.
 */
public final class MixAuthServer implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(MixAuthServer.class);

  private final CredentialStore store;
  private final ApiServer api;
  private final List<AutoCloseable> background;

  private MixAuthServer(CredentialStore store, ApiServer api, List<AutoCloseable> background) {
    this.store = store;
    this.api = api;
    this.background = background;
  }

  /** Starts a server with the system clock and the real key checker. */
  public static MixAuthServer start(ServerConfig config) {
    return start(config, Clock.systemUTC(), null);
  }

  /**
   * Starts a server.
   *
   * @param checker the key checker to use, or null for HTTP checks against the configured API URLs
   * @throws ConfigException when the settings are unsafe or invalid
   */
  public static MixAuthServer start(ServerConfig config, Clock clock, KeyChecker checker) {
    long started = System.nanoTime();
    requireTokenOffLoopback(config);
    requireTeamModeSecrets(config);
    boolean teamMode = config.database().isPresent();
    if (!teamMode) {
      DataDirectory.prepare(config.dataDir());
    }

    CredentialStore store = StoreFactory.open(config);
    try {
      if (!teamMode) {
        DataDirectory.restrictFiles(config.dataDir());
      }
      KeysetHandle keyset =
          KeysetSource.load(
              config.masterKey(), config.dataDir().resolve(KeysetSource.KEY_FILE_NAME), store.hasEncryptedData());
      CredentialVault vault = new CredentialVault(store, new TinkSecretBox(keyset));
      vault.verifyKey();

      List<AutoCloseable> background = new ArrayList<>();
      ApiServer.Dependencies dependencies = dependencies(config, clock, checker, store, vault, background);
      ApiServer api = ApiServer.start(dependencies, config.host(), config.port());
      dependencies.refreshScheduler().start(config.refreshInterval());
      log.info("mix-auth {} started in {} ms with data in {}", version(), (System.nanoTime() - started) / 1_000_000,
          teamMode ? "the PostgreSQL database " + config.database().get().displayName() : config.dataDir());
      return new MixAuthServer(store, api, background);
    } catch (RuntimeException e) {
      store.close();
      throw e;
    }
  }

  private static ApiServer.Dependencies dependencies(
      ServerConfig config,
      Clock clock,
      KeyChecker checker,
      CredentialStore store,
      CredentialVault vault,
      List<AutoCloseable> background) {
    ObjectMapper json = objectMapper();
    ProviderRegistry registry = ProviderRegistry.defaults();
    ProviderHttp http = new ProviderHttp(config.providerTimeout());
    KeyChecker keyChecker = checker != null ? checker : new HttpKeyChecker(http, config.apiUrls());

    AuditLog audit = new AuditLog(store, clock);
    CredentialIndex index = new CredentialIndex(store);
    PreferencesService preferences = new PreferencesService(store, registry, audit, clock);
    store.onExternalChange(() -> {
      index.reload();
      preferences.reload();
    });
    // Read both after registering, so that a change committed in between is not missed.
    index.reload();
    preferences.reload();
    StatusService status = new StatusService(registry, index, config.environmentKeys(), preferences, clock);
    TokenEndpoint tokens = new TokenEndpoint(http, json);
    CredentialService credentials =
        new CredentialService(registry, vault, index, keyChecker, preferences, status, audit,
            new TokenRevoker(config::oauth, vault, tokens), clock);
    OAuthFlowService oauth =
        new OAuthFlowService(
            registry, config::oauth, vault, index, tokens, audit, clock, config.maxPendingFlows(),
            callbackListeners(config, background));
    TokenRefresher refresher = new TokenRefresher(config::oauth, vault, index, tokens, audit, clock);
    RefreshScheduler scheduler = new RefreshScheduler(index, refresher, clock);
    background.add(scheduler);
    TokenHealth tokenHealth = new TokenHealth(registry, index, clock);

    return new ApiServer.Dependencies(
        json, registry, credentials, oauth, status, preferences, tokenHealth, scheduler, audit, clock, version(),
        config.allowedHosts(), config.allowedOrigins(), config.apiToken());
  }

  private static Map<String, CallbackListener> callbackListeners(ServerConfig config, List<AutoCloseable> background) {
    OAuthSettings openai = config.openai();
    if (!openai.enabled() || !openai.listenForCallback()) {
      return Map.of();
    }
    CallbackListener listener = new CallbackListener("openai", URI.create(openai.redirectUri()));
    background.add(listener);
    return Map.of("openai", listener);
  }

  /** Returns the JSON mapper of the API: strict on input, so duplicate keys are rejected. */
  public static ObjectMapper objectMapper() {
    ObjectMapper json = new ObjectMapper();
    json.enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
    json.enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    json.disable(SerializationFeature.FAIL_ON_EMPTY_BEANS);
    return json;
  }

  private static void requireTokenOffLoopback(ServerConfig config) {
    if (config.apiToken().isPresent() || isLoopback(config.host())) {
      return;
    }
    throw new ConfigException(
        "Refusing to listen on " + config.host() + " without an API token: any machine that can reach it could"
            + " read and change credentials. Set MIX_AUTH_API_TOKEN, or listen on 127.0.0.1.");
  }

  /**
   * Checks the settings that team mode needs. Replicas share one database behind a load balancer,
   * so they are reachable from other machines and must all decrypt what any of them stored.
   */
  private static void requireTeamModeSecrets(ServerConfig config) {
    if (config.database().isEmpty()) {
      return;
    }
    if (config.apiToken().isEmpty()) {
      throw new ConfigException(
          "Team mode (MIX_AUTH_DATABASE_URL is set) requires MIX_AUTH_API_TOKEN: replicas serve other machines, and"
              + " without a token anyone who reaches one could read and change the team's credentials. Set"
              + " MIX_AUTH_API_TOKEN to the same random value on every replica and give it to the clients.");
    }
    if (config.masterKey().isEmpty()) {
      throw new ConfigException(
          "Team mode (MIX_AUTH_DATABASE_URL is set) requires MIX_AUTH_MASTER_KEY: every replica must encrypt with"
              + " the same keyset, and a key file in one replica's data folder is not shared with the others. Set"
              + " MIX_AUTH_MASTER_KEY to the same Tink JSON keyset on every replica.");
    }
  }

  private static boolean isLoopback(String host) {
    if (host.equals("localhost")) {
      return true;
    }
    try {
      return InetAddress.getByName(host).isLoopbackAddress();
    } catch (UnknownHostException e) {
      throw new ConfigException("MIX_AUTH_HOST \"" + host + "\" is not a known host name or address.");
    }
  }

  public static String version() {
    String version = MixAuthServer.class.getPackage().getImplementationVersion();
    return version == null ? "dev" : version;
  }

  public int port() {
    return api.port();
  }

  @Override
  public void close() {
    api.close();
    for (AutoCloseable task : background) {
      try {
        task.close();
      } catch (Exception e) {
        log.warn("Stopping {} failed: {}", task.getClass().getSimpleName(), e.getMessage());
      }
    }
    store.close();
    log.info("mix-auth stopped");
  }
}
