package dev.mixauth.server.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mixauth.server.MixAuthServer;
import dev.mixauth.server.config.ServerConfig;
import dev.mixauth.server.testing.Browser;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LoopbackListenTest {
  @TempDir Path dataDir;

  @Test
  void fixedPortAnswersOnIpv4AndIpv6Loopback() throws Exception {
    int port = Browser.freePort();
    ServerConfig config = ServerConfig.fromEnvironment(Map.of()).withPort(port).withDataDir(dataDir);

    try (MixAuthServer server = MixAuthServer.start(config)) {
      assertThat(Browser.get("http://127.0.0.1:" + port + "/health").statusCode()).isEqualTo(200);
      Assumptions.assumeTrue(hasIpv6Loopback(), "this machine has no IPv6 loopback");
      assertThat(Browser.get("http://[::1]:" + port + "/health").statusCode()).isEqualTo(200);
    }
  }

  private static boolean hasIpv6Loopback() {
    try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getByName("::1"))) {
      return true;
    } catch (Exception e) {
      return false;
    }
  }
}
