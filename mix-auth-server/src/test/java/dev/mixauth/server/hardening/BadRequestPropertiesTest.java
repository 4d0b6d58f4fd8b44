package dev.mixauth.server.hardening;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mixauth.server.testing.ApiResponse;
import dev.mixauth.server.testing.TestServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.AfterProperty;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * Sends generated bad requests to every endpoint and checks that each response is a 4XX with the
 * error envelope, that the server stays up, and that nothing stored changes. The server contains a
 * key and preferences, so a request that wrongly changed them would show.
 */
class BadRequestPropertiesTest {
  private static final String STORED_KEY = "sk-or-v1-StoredBeforeTheFuzzing-0123456789";
  private static final List<String> PROVIDERS = List.of("anthropic", "openai", "openrouter");
  private static final List<String> BODY_PATHS =
      List.of("/api/auth/api-key", "/api/auth/apikey", "/api/auth/oauth-callback", "/api/preferences");
  private static final List<String> EMPTY_BODY_PATHS =
      List.of("/api/auth/login", "/api/auth/oauth/openai", "/internal/auth/refresh-tokens", "/api/preferences/reset");
  private static final AtomicInteger SENT = new AtomicInteger();

  private static Path dataDir;
  private static TestServer server;
  private static String baseline;

  /** One generated request. */
  record BadRequest(String method, String path, byte[] body, Map<String, String> headers) {
    @Override
    public String toString() {
      return method + " " + path + " " + headers + " " + new String(body == null ? new byte[0] : body, StandardCharsets.UTF_8);
    }
  }

  @BeforeContainer
  static void startServer() throws IOException {
    dataDir = Files.createTempDirectory("mix-auth-fuzz");
    server = TestServer.start(dataDir, Map.of());
    server.post("/api/auth/api-key", Map.of("api_key", STORED_KEY, "provider", "openrouter"));
    server.post("/api/preferences", Map.of("preferred_provider", "openrouter", "main_agent_max_tokens", 1234));
    baseline = snapshot();
  }

  @AfterContainer
  static void stopServer() throws IOException {
    server.close();
    System.out.println("Bad requests sent: " + SENT.get());
    try (var files = Files.walk(dataDir)) {
      files.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
    }
  }

  @AfterProperty
  void storeIsUnchanged() {
    assertThat(server.get("/health").status()).isEqualTo(200);
    assertThat(snapshot()).isEqualTo(baseline);
  }

  private static String snapshot() {
    return server.get("/api/auth/status").body() + server.get("/api/preferences").body();
  }

  private static void checkRejected(BadRequest request) {
    SENT.incrementAndGet();
    ApiResponse response;
    try {
      response = server.sendRaw(request.method(), request.path(), request.body(), request.headers());
    } catch (UncheckedIOException first) {
      // Jetty closes the connection after a request it rejects while parsing, and the JDK client
      // can reuse that pooled connection before it reads the close. One more try is safe here
      // because every generated request is rejected without a change.
      try {
        response = server.sendRaw(request.method(), request.path(), request.body(), request.headers());
      } catch (UncheckedIOException second) {
        throw new AssertionError("No answer to " + request, second);
      }
    }

    assertThat(response.status()).as(request.toString()).isBetween(400, 499);
    assertThat(response.json()).as(request.toString()).isNotNull();
    assertThat(response.json().path("error").path("code").asInt()).isEqualTo(response.status());
    assertThat(response.json().path("error").path("message").asText()).isNotBlank();
  }

  @Property(tries = 1500)
  void malformedBodiesAreRejected(@ForAll("bodyRequests") BadRequest request) {
    checkRejected(request);
  }

  @Property(tries = 600)
  void bodiesOnBodilessEndpointsAreRejected(@ForAll("bodilessRequests") BadRequest request) {
    checkRejected(request);
  }

  @Property(tries = 600)
  void oddPathParametersAreRejected(@ForAll("pathRequests") BadRequest request) {
    checkRejected(request);
  }

  @Property(tries = 300)
  void oddHeadersAreRejected(@ForAll("headerRequests") BadRequest request) {
    checkRejected(request);
  }

  @Provide
  Arbitrary<BadRequest> bodyRequests() {
    Arbitrary<String> path = Arbitraries.of(BODY_PATHS);
    Arbitrary<byte[]> body = Arbitraries.oneOf(notAnObject(), withUnknownField(), withWrongType(), withBadProvider(),
        brokenJson(), invalidUtf8(), hugeValue(), duplicateKeys(), badPreferenceValues());
    Arbitrary<Map<String, String>> headers = Arbitraries.oneOf(
        Arbitraries.just(Map.of("Content-Type", "application/json")),
        Arbitraries.just(Map.of("Content-Type", "application/json; charset=utf-8")));
    return Combinators.combine(path, body, headers).as((p, b, h) -> new BadRequest("POST", p, b, h))
        .injectDuplicates(0.0);
  }

  @Provide
  Arbitrary<BadRequest> bodilessRequests() {
    Arbitrary<byte[]> body = Arbitraries.oneOf(notAnObject(), withUnknownField(), brokenJson(), invalidUtf8(), hugeValue());
    Arbitrary<Map<String, String>> headers = Arbitraries.oneOf(
        Arbitraries.just(Map.of("Content-Type", "application/json")),
        Arbitraries.of("text/plain", "application/x-www-form-urlencoded", "application/json; charset=latin1",
            "multipart/form-data; boundary=x").map(type -> Map.of("Content-Type", type)));
    return Combinators.combine(Arbitraries.of(EMPTY_BODY_PATHS), body, headers)
        .as((p, b, h) -> new BadRequest("POST", p, b, h));
  }

  @Provide
  Arbitrary<BadRequest> pathRequests() {
    Arbitrary<String> odd = oddProviderNames().map(name -> URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20"));
    Arbitrary<BadRequest> delete = odd.map(name -> new BadRequest("DELETE", "/api/auth/" + name, null, Map.of()));
    Arbitrary<BadRequest> start = odd.map(name -> new BadRequest("POST", "/api/auth/oauth/" + name, null, Map.of()));
    Arbitrary<BadRequest> unknown = Arbitraries.strings().alpha().numeric().ofMinLength(1).ofMaxLength(30)
        .map(segment -> new BadRequest("GET", "/api/nothing/" + segment, null, Map.of()));
    Arbitrary<BadRequest> wrongMethod = Arbitraries.of("PUT", "PATCH", "DELETE")
        .flatMap(method -> Arbitraries.of("/api/auth/status", "/api/auth/validate", "/health", "/api/preferences")
            .map(path -> new BadRequest(method, path, null, Map.of())));
    return Arbitraries.oneOf(delete, start, unknown, wrongMethod);
  }

  @Provide
  Arbitrary<BadRequest> headerRequests() {
    Arbitrary<String> host = Arbitraries.strings().withCharRange('a', 'z').ofMinLength(1).ofMaxLength(20)
        .map(name -> name + ".example");
    Arbitrary<BadRequest> badHost = Combinators.combine(host, Arbitraries.of("/api/auth/status", "/api/auth/validate"))
        .as((h, p) -> new BadRequest("GET", p, null, Map.of("Host", h)));
    Arbitrary<BadRequest> badOrigin = host.map(h -> new BadRequest("POST", "/api/auth/api-key",
        json(Map.of("provider", "openai", "api_key", "sk-proj-CrossSiteAttempt0123456789")),
        Map.of("Origin", "https://" + h, "Content-Type", "application/json")));
    Arbitrary<BadRequest> badLength = Arbitraries.of("abc", "-1", "99999999999")
        .map(length -> new BadRequest("POST", "/api/auth/api-key", null, Map.of("X-Ignored", length)));
    return Arbitraries.oneOf(badHost, badOrigin, badLength.map(r -> new BadRequest("POST", "/api/auth/api-key",
        "{}".getBytes(StandardCharsets.UTF_8), Map.of("Content-Type", "text/html"))));
  }

  private static Arbitrary<String> oddProviderNames() {
    Arbitrary<String> random = Arbitraries.strings().all().ofMinLength(0).ofMaxLength(200);
    Arbitrary<String> nearMiss = Arbitraries.of(PROVIDERS).flatMap(id -> Arbitraries.of(
        id.toUpperCase(), " " + id, id + " ", id + "\n", id.substring(1), id + "x", "%00" + id, id + "/..", "../" + id));
    return Arbitraries.oneOf(random, nearMiss).filter(name -> !PROVIDERS.contains(name) && !name.isEmpty());
  }

  private static Arbitrary<byte[]> notAnObject() {
    return Arbitraries.oneOf(
        Arbitraries.integers().map(String::valueOf),
        Arbitraries.strings().ofMaxLength(50).map(text -> jsonText(text)),
        Arbitraries.of("null", "true", "false", "[]", "[{}]", "[1,2,3]", "\"\""))
        .map(text -> text.getBytes(StandardCharsets.UTF_8));
  }

  private static Arbitrary<byte[]> withUnknownField() {
    return Arbitraries.strings().alpha().ofMinLength(1).ofMaxLength(20)
        .filter(name -> !List.of("provider", "api_key", "apiKey", "code", "state").contains(name)
            && !name.endsWith("_model") && !name.contains("agent") && !name.equals("preferred_provider"))
        .map(name -> json(Map.of(name + "_unknown", "value", "provider", "openai")));
  }

  private static Arbitrary<byte[]> withWrongType() {
    Arbitrary<Object> wrong = Arbitraries.oneOf(Arbitraries.integers().map(i -> (Object) i),
        Arbitraries.just(true), Arbitraries.just(List.of("a")), Arbitraries.just(Map.of("x", 1)));
    Arbitrary<String> field = Arbitraries.of("provider", "api_key", "apiKey", "code", "preferred_provider",
        "main_agent_model", "sub_agent_reasoning_effort");
    return Combinators.combine(field, wrong).as((f, w) -> json(Map.of(f, w)));
  }

  private static Arbitrary<byte[]> withBadProvider() {
    return oddProviderNames().map(name -> json(Map.of("provider", name, "api_key", "sk-proj-AbCdEfGhIjKlMnOp0123",
        "code", "abc#def", "state", "def")));
  }

  private static Arbitrary<byte[]> brokenJson() {
    Arbitrary<String> truncated = Arbitraries.of("{", "{\"provider\":", "{\"provider\":\"openai\"", "{'provider':'openai'}",
        "{provider: openai}", "{\"a\":1,}", "{\"a\":1} trailing", "{\"a\":NaN}", "\u0000");
    Arbitrary<String> noise = Arbitraries.strings().all().ofMinLength(1).ofMaxLength(100)
        .filter(text -> !text.isBlank() && !text.strip().startsWith("{") && !text.strip().startsWith("["));
    return Arbitraries.oneOf(truncated, noise).map(text -> text.getBytes(StandardCharsets.UTF_8));
  }

  private static Arbitrary<byte[]> invalidUtf8() {
    return Arbitraries.bytes().between((byte) 0x80, (byte) 0xBF).array(byte[].class).ofMinSize(1).ofMaxSize(8)
        .map(bad -> {
          byte[] prefix = "{\"provider\":\"".getBytes(StandardCharsets.UTF_8);
          byte[] body = new byte[prefix.length + bad.length + 2];
          System.arraycopy(prefix, 0, body, 0, prefix.length);
          System.arraycopy(bad, 0, body, prefix.length, bad.length);
          body[body.length - 2] = '"';
          body[body.length - 1] = '}';
          return body;
        });
  }

  private static Arbitrary<byte[]> hugeValue() {
    return Arbitraries.integers().between(16_500, 40_000)
        .map(size -> json(Map.of("provider", "openai", "api_key", "k".repeat(size))));
  }

  private static Arbitrary<byte[]> duplicateKeys() {
    return Arbitraries.of(PROVIDERS).map(id -> ("{\"provider\":\"" + id + "\",\"provider\":\"" + id
        + "\",\"api_key\":\"sk-proj-Duplicate0123456789abcdef\"}").getBytes(StandardCharsets.UTF_8));
  }

  private static Arbitrary<byte[]> badPreferenceValues() {
    Arbitrary<byte[]> tokens = Arbitraries.oneOf(Arbitraries.integers().lessOrEqual(0),
            Arbitraries.integers().greaterOrEqual(1_000_001))
        .map(n -> json(Map.of("main_agent_max_tokens", n, "unexpected", true)));
    Arbitrary<byte[]> effort = Arbitraries.strings().alpha().ofMinLength(1).ofMaxLength(12)
        .filter(e -> !List.of("minimal", "low", "medium", "high").contains(e))
        .map(e -> json(Map.of("sub_agent_reasoning_effort", e, "provider", 5)));
    return Arbitraries.oneOf(tokens, effort);
  }

  private static String jsonText(String text) {
    try {
      return new ObjectMapper().writeValueAsString(text);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static byte[] json(Map<String, ?> fields) {
    try {
      return new ObjectMapper().writeValueAsBytes(fields);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
