package dev.mixauth.server.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mixauth.server.MixAuthServer;
import dev.mixauth.server.config.ServerConfig;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LoopbackListenTest {
  @TempDir Path dataDir;

  @Test
  void fixedPortAnswersOnBothLoopbacks() throws Exception {
    int port = freePortOnBothLoopbacks();
    ServerConfig config = ServerConfig.fromEnvironment(Map.of()).withPort(port).withDataDir(dataDir);

    try (MixAuthServer server = MixAuthServer.start(config)) {
      assertThat(server.port()).isEqualTo(port);
      assertThat(healthStatus("http://127.0.0.1:" + port + "/health")).isEqualTo(200);
      assertThat(healthStatus("http://[::1]:" + port + "/health")).isEqualTo(200);
    }
  }

  private static int healthStatus(String url) throws IOException, InterruptedException {
    HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10)).build();
    return client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
  }

  private static int freePortOnBothLoopbacks() throws IOException {
    for (int attempt = 0; attempt < 20; attempt++) {
      int port;
      try (ServerSocket ipv4 = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
        port = ipv4.getLocalPort();
      }
      try (ServerSocket ipv6 = new ServerSocket()) {
        ipv6.bind(new InetSocketAddress(InetAddress.getByName("::1"), port));
        return port;
      } catch (IOException e) {
        Assumptions.assumeTrue(attempt < 19, "no port is free on both 127.0.0.1 and ::1: " + e.getMessage());
      }
    }
    throw new IllegalStateException("unreachable");
  }
}
