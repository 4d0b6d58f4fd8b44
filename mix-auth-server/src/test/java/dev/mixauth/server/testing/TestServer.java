package dev.mixauth.server.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mixauth.server.MixAuthServer;
import dev.mixauth.server.config.ServerConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A real server on an ephemeral loopback port with its store in a temporary folder, and a client
 * that checks every response against the OpenAPI document.
 */
public final class TestServer implements AutoCloseable {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final List<Map.Entry<Pattern, String>> TEMPLATES =
      List.of(
          Map.entry(Pattern.compile("/api/auth/oauth/[^/]*"), "/api/auth/oauth/{provider}"),
          Map.entry(
              Pattern.compile("/api/auth/(api-key|apikey|login|oauth-callback|status|validate)"), ""),
          Map.entry(Pattern.compile("/api/auth/[^/]*"), "/api/auth/{provider}"));

  private final Path dataDir;
  private final Map<String, String> environment;
  private final MutableClock clock;
  private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
  private final Map<String, String> defaultHeaders = new HashMap<>();
  private MixAuthServer server;

  private TestServer(Path dataDir, Map<String, String> environment, MutableClock clock) {
    this.dataDir = dataDir;
    this.environment = environment;
    this.clock = clock;
  }

  /** Starts a server whose settings are the given environment variables, with the store in {@code dataDir}. */
  public static TestServer start(Path dataDir, Map<String, String> environment, MutableClock clock) {
    TestServer server = new TestServer(dataDir, new HashMap<>(environment), clock);
    server.startServer();
    return server;
  }

  public static TestServer start(Path dataDir, Map<String, String> environment) {
    return start(dataDir, environment, MutableClock.atSystemTime());
  }

  private void startServer() {
    ServerConfig config = ServerConfig.fromEnvironment(environment).withPort(0).withDataDir(dataDir);
    server = MixAuthServer.start(config, clock, null);
  }

  /** Stops the server and starts a new one on the same store and settings. */
  public void restart() {
    server.close();
    startServer();
  }

  /** Sends {@code Authorization: Bearer token} with every later request that sets no such header. */
  public TestServer authorize(String token) {
    defaultHeaders.put("Authorization", "Bearer " + token);
    return this;
  }

  public MutableClock clock() {
    return clock;
  }

  public Path dataDir() {
    return dataDir;
  }

  public String baseUrl() {
    return "http://127.0.0.1:" + server.port();
  }

  public ApiResponse get(String path) {
    return send("GET", path, null, Map.of());
  }

  public ApiResponse delete(String path) {
    return send("DELETE", path, null, Map.of());
  }

  public ApiResponse post(String path, Object body) {
    return send("POST", path, body, Map.of());
  }

  public ApiResponse postJson(String path, String rawJson) {
    return sendRaw("POST", path, rawJson == null ? null : rawJson.getBytes(java.nio.charset.StandardCharsets.UTF_8),
        Map.of("Content-Type", "application/json"));
  }

  /**
   * Sends a request with an object serialised as JSON (or no body when null), checks the response
   * against the OpenAPI document, and returns it.
   */
  public ApiResponse send(String method, String path, Object body, Map<String, String> headers) {
    Map<String, String> allHeaders = new HashMap<>(headers);
    byte[] bytes = null;
    if (body != null) {
      try {
        bytes = JSON.writeValueAsBytes(body);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      allHeaders.putIfAbsent("Content-Type", "application/json");
    }
    return sendRaw(method, path, bytes, allHeaders);
  }

  public ApiResponse sendRaw(String method, String path, byte[] body, Map<String, String> headers) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(baseUrl() + path))
            .timeout(Duration.ofSeconds(30))
            .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
    headers.forEach(request::header);
    defaultHeaders.forEach((name, value) -> {
      if (!headers.containsKey(name)) {
        request.header(name, value);
      }
    });
    HttpResponse<String> response;
    try {
      response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
    ApiResponse result = new ApiResponse(response.statusCode(), response.body(), parse(response.body()), response.headers());
    checkContract(method, path, result);
    return result;
  }

  private static void checkContract(String method, String path, ApiResponse response) {
    String template = template(path);
    String problems;
    if (response.json() == null) {
      problems = path.equals("/openapi.yaml") ? "" : "the body is not JSON: " + response.body();
    } else if (template == null) {
      problems = response.status() >= 400 ? OpenApiContract.get().checkEnvelope(response.json()) : "";
    } else {
      problems = OpenApiContract.get().check(method, template, response.status(), response.json());
      if (response.status() >= 400 && problems.isEmpty()) {
        problems = OpenApiContract.get().checkEnvelope(response.json());
      }
    }
    if (!problems.isEmpty()) {
      throw new AssertionError(method + " " + path + " answered outside the contract: " + problems + "\n" + response);
    }
  }

  private static String template(String path) {
    String bare = path.contains("?") ? path.substring(0, path.indexOf('?')) : path;
    for (Map.Entry<Pattern, String> entry : TEMPLATES) {
      if (entry.getKey().matcher(bare).matches()) {
        return entry.getValue().isEmpty() ? bare : entry.getValue();
      }
    }
    return bare.startsWith("/api/") || bare.startsWith("/health") || bare.startsWith("/internal/") ? bare : null;
  }

  private static JsonNode parse(String body) {
    try {
      return body == null || body.isEmpty() ? null : JSON.readTree(body);
    } catch (IOException e) {
      return null;
    }
  }

  @Override
  public void close() {
    if (server != null) {
      server.close();
    }
  }
}
