package dev.mixauth.server.hardening;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mixauth.server.testing.Browser;
import dev.mixauth.server.vault.KeysetSource;
import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Writes keys in a loop while the server process is killed with SIGKILL at random moments, then
 * restarts it and checks that the store opens and contains every acknowledged write.
 */
class CrashRecoveryTest {
  private static final int CRASHES = 6;
  private static final List<String> PROVIDERS = List.of("anthropic", "openai", "openrouter");
  private static final Map<String, String> PREFIXES =
      Map.of("anthropic", "sk-ant-api03-crash-", "openai", "sk-proj-crash-", "openrouter", "sk-or-v1-crash-");

  @TempDir Path dataDir;
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
  private final ObjectMapper json = new ObjectMapper();

  @Test
  void acknowledgedWritesSurviveSigkill() throws Exception {
    String masterKey = KeysetSource.toJson(KeysetSource.generate());
    Random random = new Random(42);
    Map<String, Set<String>> allowed = new HashMap<>();
    int counter = 0;
    int acknowledged = 0;

    for (int crash = 0; crash < CRASHES; crash++) {
      int port = Browser.freePort();
      Process server = start(port, masterKey);
      waitUntilUp(port);
      checkStore(port, allowed);

      long killAt = System.nanoTime() + (150 + random.nextInt(600)) * 1_000_000L;
      while (System.nanoTime() < killAt) {
        String provider = PROVIDERS.get(counter % PROVIDERS.size());
        String key = PREFIXES.get(provider) + String.format("%012d", counter++);
        allowed.computeIfAbsent(provider, p -> new java.util.HashSet<>()).add(hintTail(key));
        if (store(port, provider, key)) {
          allowed.put(provider, new java.util.HashSet<>(Set.of(hintTail(key))));
          acknowledged++;
        }
      }
      server.destroyForcibly().waitFor();
    }

    int port = Browser.freePort();
    Process server = start(port, masterKey);
    try {
      waitUntilUp(port);
      checkStore(port, allowed);
    } finally {
      server.destroyForcibly().waitFor();
    }
    assertThat(acknowledged).isGreaterThan(CRASHES);
    System.out.println("Crashes survived: " + CRASHES + ", acknowledged writes checked: " + acknowledged);
  }

  /** Checks that each provider's stored key is its last acknowledged one, or one written after it. */
  private void checkStore(int port, Map<String, Set<String>> allowed) throws Exception {
    JsonNode providers = json.readTree(get(port, "/api/auth/status")).path("providers");
    for (Map.Entry<String, Set<String>> entry : allowed.entrySet()) {
      String hint = providers.path(entry.getKey()).path("key_hint").asText();
      assertThat(hint.substring(hint.length() - 4)).as(entry.getKey()).isIn(entry.getValue());
    }
  }

  private static String hintTail(String key) {
    return key.substring(key.length() - 4);
  }

  private Process start(int port, String masterKey) throws IOException {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    List<String> command = new ArrayList<>(List.of(java, "-cp", System.getProperty("java.class.path"),
        "dev.mixauth.server.cli.Main", "serve", "--port", Integer.toString(port), "--data-dir", dataDir.toString()));
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
        .redirectOutput(new File(dataDir.getParent().toFile(), "crash-server-" + port + ".log"));
    builder.environment().put("MIX_AUTH_MASTER_KEY", masterKey);
    return builder.start();
  }

  private void waitUntilUp(int port) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
    while (System.nanoTime() < deadline) {
      try {
        get(port, "/health");
        return;
      } catch (IOException e) {
        Thread.sleep(100);
      }
    }
    throw new AssertionError("The server on port " + port + " did not start within 90 s");
  }

  private boolean store(int port, String provider, String key) throws InterruptedException {
    try {
      HttpResponse<String> response = http.send(
          HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/auth/api-key"))
              .header("Content-Type", "application/json")
              .POST(HttpRequest.BodyPublishers.ofString(
                  json.writeValueAsString(Map.of("provider", provider, "api_key", key))))
              .build(),
          HttpResponse.BodyHandlers.ofString());
      assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  private String get(int port, String path) throws IOException, InterruptedException {
    return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
        HttpResponse.BodyHandlers.ofString()).body();
  }
}
