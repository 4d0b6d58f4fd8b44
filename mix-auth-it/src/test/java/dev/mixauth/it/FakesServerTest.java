package dev.mixauth.it;

import dev.mixauth.fakes.FakeProviders;
import dev.mixauth.sdk.Authentication;
import dev.mixauth.sdk.Mix;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/**
 * Base of the tests that need the fake providers: each test gets new fakes, a new server on them
 * with an empty store, and a client with every setting at its default.
 */
abstract class FakesServerTest {

  @TempDir Path dataDir;

  FakeProviders fakes;
  RunningServer server;
  Mix mix;
  Authentication auth;

  /** Returns server settings that replace or add to the ones that point it at the fakes. */
  Map<String, String> settings() {
    return Map.of();
  }

  @BeforeEach
  void startServer() {
    fakes = FakeProviders.start();
    server = RunningServer.start(dataDir, fakes, settings());
    mix = server.client();
    auth = mix.authentication();
  }

  @AfterEach
  void stopServer() {
    mix.close();
    server.close();
    fakes.close();
  }
}
