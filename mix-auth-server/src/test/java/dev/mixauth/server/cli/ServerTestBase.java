package dev.mixauth.server.cli;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/**
 * Starts one server on the fake providers per test class, because a server start takes seconds,
 * and deletes every credential and preference before each test.
 */
abstract class ServerTestBase {
  @TempDir static Path dataDir;
  static CliServer server;

  @BeforeAll
  static void startServer() {
    server = CliServer.start(dataDir, Map.of());
  }

  @AfterAll
  static void stopServer() {
    server.close();
  }

  @BeforeEach
  void resetServer() {
    server.reset();
  }
}
