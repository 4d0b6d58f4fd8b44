package dev.mixauth.server.cli;

import dev.mixauth.fakes.FakeProviders;
import dev.mixauth.server.testing.ApiResponse;
import dev.mixauth.server.testing.Browser;
import dev.mixauth.server.testing.Cli;
import dev.mixauth.server.testing.Fakes;
import dev.mixauth.server.testing.TestServer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A server on the fake providers for the command line tests, with the command line pointed at it.
 * The OpenAI sign-in redirects to a free port, so no test binds the default port 1455.
 */
final class CliServer implements AutoCloseable {
  static final String[] PROVIDERS = {"anthropic", "openai", "openrouter"};

  final FakeProviders fakes;
  final TestServer server;
  final Cli cli;

  private CliServer(FakeProviders fakes, TestServer server, Cli cli) {
    this.fakes = fakes;
    this.server = server;
    this.cli = cli;
  }

  static CliServer start(Path dataDir, Map<String, String> settings) {
    FakeProviders fakes = FakeProviders.start();
    String redirect = "http://localhost:" + Browser.freePort() + "/auth/callback";
    fakes.openAiOptions().redirectUri(redirect);

    Map<String, String> environment = Fakes.environment(fakes);
    environment.put("MIX_AUTH_OPENAI_REDIRECT_URI", redirect);
    environment.putAll(settings);
    return new CliServer(fakes, TestServer.start(dataDir, environment), Cli.clean());
  }

  /** Runs {@code mix-auth args… --server URL} with {@code stdin} as standard input. */
  Cli.Result run(String stdin, String... args) {
    return cli.run(stdin, withServer(args));
  }

  /** Starts {@code mix-auth args… --server URL} with standard input left open. */
  Cli.Running start(String... args) {
    return cli.start(withServer(args));
  }

  String[] withServer(String... args) {
    List<String> all = new ArrayList<>(List.of(args));
    all.add("--server");
    all.add(server.baseUrl());
    return all.toArray(String[]::new);
  }

  /** Deletes every stored credential and resets the preferences, so each test starts clean. */
  void reset() {
    for (String provider : PROVIDERS) {
      ApiResponse deleted = server.delete("/api/auth/" + provider);
      if (deleted.status() != 200) {
        throw new AssertionError("Could not delete the " + provider + " credentials: " + deleted);
      }
    }
    server.post("/api/preferences/reset", null);
  }

  @Override
  public void close() {
    server.close();
    fakes.close();
  }
}
