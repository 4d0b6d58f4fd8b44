package dev.mixauth.it;

import dev.mixauth.fakes.FakeProviders;
import dev.mixauth.sdk.Mix;
import dev.mixauth.server.MixAuthServer;
import dev.mixauth.server.config.ServerConfig;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A real mix-auth server on 127.0.0.1, with its store in a temporary folder and its provider calls
 * sent to {@link FakeProviders} or to a closed port. The port is ephemeral unless the settings set
 * MIX_AUTH_PORT.
 */
public final class RunningServer implements AutoCloseable {

  /** A loopback URL on port 1, where nothing listens on a typical machine. */
  private static final String CLOSED_LOOPBACK_URL = "http://127.0.0.1:1";

  private final MixAuthServer server;

  private RunningServer(MixAuthServer server) {
    this.server = server;
  }

  /** Starts a server that sends every provider call to {@code fakes}, with Anthropic OAuth on. */
  public static RunningServer start(Path dataDir, FakeProviders fakes) {
    return start(dataDir, fakes, Map.of());
  }

  /**
   * Starts a server that sends every provider call to {@code fakes}.
   *
   * @param settings environment variables that replace or add to the ones pointing at the fakes
   */
  public static RunningServer start(
      Path dataDir, FakeProviders fakes, Map<String, String> settings) {
    Map<String, String> environment = new HashMap<>(fakeEnvironment(fakes));
    environment.putAll(settings);
    return startWith(dataDir, environment);
  }

  /**
   * Starts a server without fakes. Its provider URLs point at a closed loopback port, so a call
   * that would reach a provider fails at once and never leaves this machine.
   *
   * @param settings environment variables that replace or add to the provider URLs
   */
  public static RunningServer start(Path dataDir, Map<String, String> settings) {
    Map<String, String> environment = new HashMap<>(providerUrls(CLOSED_LOOPBACK_URL));
    environment.putAll(settings);
    return startWith(dataDir, environment);
  }

  /** Starts the server on an ephemeral port unless {@code environment} sets MIX_AUTH_PORT. */
  private static RunningServer startWith(Path dataDir, Map<String, String> environment) {
    ServerConfig config = ServerConfig.fromEnvironment(environment).withDataDir(dataDir);
    if (!environment.containsKey("MIX_AUTH_PORT")) {
      config = config.withPort(0);
    }
    return new RunningServer(MixAuthServer.start(config, Clock.systemUTC(), null));
  }

  /** Returns the settings that send every provider call of the server to {@code fakes}. */
  public static Map<String, String> fakeEnvironment(FakeProviders fakes) {
    Map<String, String> environment = new HashMap<>();
    environment.put("MIX_AUTH_ANTHROPIC_OAUTH", "enabled");
    environment.put("MIX_AUTH_ANTHROPIC_AUTHORIZE_URL", fakes.anthropicAuthorizeUrl());
    environment.put("MIX_AUTH_ANTHROPIC_TOKEN_URL", fakes.anthropicTokenUrl());
    environment.put("MIX_AUTH_ANTHROPIC_API_URL", fakes.anthropicApiUrl());
    environment.put("MIX_AUTH_OPENAI_AUTHORIZE_URL", fakes.openAiAuthorizeUrl());
    environment.put("MIX_AUTH_OPENAI_TOKEN_URL", fakes.openAiTokenUrl());
    environment.put("MIX_AUTH_OPENAI_REVOKE_URL", fakes.openAiRevokeUrl());
    environment.put("MIX_AUTH_OPENAI_API_URL", fakes.openAiApiUrl());
    environment.put("MIX_AUTH_OPENROUTER_API_URL", fakes.openRouterApiUrl());
    // Short, so that a test of a slow or silent provider ends quickly.
    environment.put("MIX_AUTH_PROVIDER_TIMEOUT_MS", "2000");
    return environment;
  }

  private static Map<String, String> providerUrls(String url) {
    Map<String, String> environment = new HashMap<>();
    for (String name :
        List.of(
            "MIX_AUTH_ANTHROPIC_AUTHORIZE_URL",
            "MIX_AUTH_ANTHROPIC_TOKEN_URL",
            "MIX_AUTH_ANTHROPIC_API_URL",
            "MIX_AUTH_OPENAI_AUTHORIZE_URL",
            "MIX_AUTH_OPENAI_TOKEN_URL",
            "MIX_AUTH_OPENAI_REVOKE_URL",
            "MIX_AUTH_OPENAI_API_URL",
            "MIX_AUTH_OPENROUTER_API_URL")) {
      environment.put(name, url);
    }
    return environment;
  }

  /** Returns the base URL, {@code http://127.0.0.1:PORT}. */
  public String url() {
    return "http://127.0.0.1:" + server.port();
  }

  /** Returns a client builder for this server with every other setting at its default. */
  public Mix.Builder clientBuilder() {
    return Mix.builder().serverUrl(url());
  }

  /** Returns a client for this server with every other setting at its default. */
  public Mix client() {
    return clientBuilder().build();
  }

  @Override
  public void close() {
    server.close();
  }
}
