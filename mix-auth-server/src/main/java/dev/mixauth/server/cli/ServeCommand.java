package dev.mixauth.server.cli;

import dev.mixauth.server.MixAuthServer;
import dev.mixauth.server.config.ConfigException;
import dev.mixauth.server.config.ServerConfig;
import dev.mixauth.server.vault.StoreException;
import dev.mixauth.server.vault.VaultException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code mix-auth serve}: runs the server until it is stopped with Ctrl-C or SIGTERM. */
@Command(
    name = "serve",
    mixinStandardHelpOptions = true,
    description = {
      "Starts the Mix authentication server.",
      "",
      "Settings come from flags, then environment variables, then defaults:",
      "  MIX_AUTH_HOST, MIX_AUTH_PORT    listener (127.0.0.1, 8088)",
      "  MIX_AUTH_DATA_DIR               store and key file folder",
      "  MIX_AUTH_MASTER_KEY             Tink JSON keyset or its base64;",
      "                                  default <data dir>/master.key",
      "  MIX_AUTH_API_TOKEN              bearer token on every request; needed",
      "                                  off loopback and in team mode",
      "  MIX_AUTH_DATABASE_URL           PostgreSQL JDBC URL (team mode)",
      "  MIX_AUTH_DATABASE_USER, _PASSWORD   database login",
      "  MIX_AUTH_ALLOWED_HOSTS          extra Host names, comma-separated",
      "  MIX_AUTH_ALLOWED_ORIGINS        browser origins, comma-separated",
      "  MIX_AUTH_ANTHROPIC_OAUTH        Claude sign-in (default disabled)",
      "  MIX_AUTH_OPENAI_OAUTH           ChatGPT sign-in (default enabled)",
      "  MIX_AUTH_OPENAI_CALLBACK_LISTENER  listen on the redirect port",
      "                                  (default enabled)",
      "  MIX_AUTH_<PROVIDER>_AUTHORIZE_URL, _TOKEN_URL, _REDIRECT_URI,",
      "    _CLIENT_ID, _API_URL          provider endpoints and client ids",
      "  MIX_AUTH_ANTHROPIC_TOKEN_FORMAT json (default) or form",
      "  MIX_AUTH_ANTHROPIC_STATE_MODE   independent (default) or verifier",
      "  MIX_AUTH_OPENAI_REVOKE_URL      revocation endpoint for logout",
      "  MIX_AUTH_PROVIDER_TIMEOUT_MS    provider call limit (15000)",
      "  MIX_AUTH_REFRESH_INTERVAL_MS    token refresh check (180000)",
      "  ANTHROPIC_API_KEY, OPENAI_API_KEY, OPENROUTER_API_KEY",
      "                                  keys used when none is stored",
      "",
      "The server logs to standard error.",
      ""
    })
final class ServeCommand implements Callable<Integer> {

  @Option(names = "--host", description = "Address to listen on (default: 127.0.0.1, or MIX_AUTH_HOST).")
  private String host;

  @Option(names = "--port", description = "Port to listen on; 0 picks a free one (default: 8088, or MIX_AUTH_PORT).")
  private Integer port;

  @Option(names = "--data-dir", description = "Folder of the store and key file (default:"
      + " MIX_AUTH_DATA_DIR, else $XDG_DATA_HOME/mix-auth, else ~/.local/share/mix-auth).")
  private Path dataDir;

  @Override
  public Integer call() throws InterruptedException {
    MixAuthServer server;
    try {
      ServerConfig config = ServerConfig.fromEnvironment(System.getenv());
      if (host != null) {
        config = config.withHost(host);
      }
      if (port != null) {
        config = config.withPort(port);
      }
      if (dataDir != null) {
        config = config.withDataDir(dataDir);
      }
      server = MixAuthServer.start(config);
    } catch (ConfigException | VaultException | StoreException e) {
      System.err.println("mix-auth: " + e.getMessage());
      return 1;
    }

    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      server.close();
      stopped.countDown();
    }, "mix-auth-shutdown"));
    stopped.await();
    return 0;
  }
}
