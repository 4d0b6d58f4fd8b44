package dev.mixauth.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mixauth.fakes.Endpoint;
import dev.mixauth.fakes.Failure;
import dev.mixauth.fakes.FakeProviders;
import dev.mixauth.server.testing.ApiResponse;
import dev.mixauth.server.testing.Fakes;
import dev.mixauth.server.testing.LogCapture;
import dev.mixauth.server.testing.TestServer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs a full scenario of keys, sign-ins, refreshes, failures and a key rotation, then searches every log line, response body
 * and store file for each secret that was used.
 */
class SecretLeakTest {
  private static final String ANTHROPIC_KEY = "sk-ant-api03-LeakCanaryAnthropicKey-00001";
  private static final String OPENROUTER_KEY = "sk-or-v1-LeakCanaryOpenRouterKey-000002";
  private static final String REJECTED_KEY = "sk-ant-api03-LeakCanaryRejectedKey-000003";
  private static final String MALFORMED_KEY = "sk-ant-api03-LeakCanary Malformed-000004";

  @TempDir Path dataDir;

  @Test
  void noSecretAppearsAnywhere() throws IOException {
    Set<String> secrets = new LinkedHashSet<>(List.of(ANTHROPIC_KEY, OPENROUTER_KEY, REJECTED_KEY, "LeakCanary Malformed"));
    List<String> bodies = new ArrayList<>();

    try (LogCapture logs = new LogCapture(); FakeProviders fakes = FakeProviders.start()) {
      fakes.acceptApiKey("anthropic", ANTHROPIC_KEY);
      try (TestServer server = TestServer.start(dataDir, Fakes.environment(fakes))) {
        bodies.add(server.post("/api/auth/api-key", Map.of("api_key", OPENROUTER_KEY, "provider", "openrouter")).body());
        bodies.add(server.post("/api/auth/api-key", Map.of("api_key", OPENROUTER_KEY, "provider", "anthropic")).body());
        bodies.add(server.post("/api/auth/api-key", Map.of("api_key", MALFORMED_KEY, "provider", "anthropic")).body());
        bodies.add(server.post("/api/auth/apikey", Map.of("apiKey", ANTHROPIC_KEY)).body());
        bodies.add(server.post("/api/auth/apikey", Map.of("apiKey", REJECTED_KEY)).body());

        for (Failure failure : new Failure[] {Failure.htmlPage(), null, Failure.invalidGrant()}) {
          ApiResponse started = server.post("/api/auth/oauth/anthropic", null);
          String pasted = Fakes.approve(started.text("auth_url"));
          secrets.add(pasted.split("#")[0]);
          if (failure != null) {
            fakes.failNext(Endpoint.ANTHROPIC_TOKEN, failure);
          }
          bodies.add(server.post("/api/auth/oauth-callback",
              Map.of("provider", "anthropic", "code", pasted, "state", started.text("state"))).body());
          fakes.lastRequest(Endpoint.ANTHROPIC_TOKEN).ifPresent(request -> secrets.add(field(request.body(), "code_verifier")));
        }

        server.clock().advance(java.time.Duration.ofHours(8));
        fakes.failNext(Endpoint.ANTHROPIC_TOKEN, Failure.htmlPage());
        bodies.add(server.post("/internal/auth/refresh-tokens", null).body());
        server.clock().advance(java.time.Duration.ofHours(1));
        bodies.add(server.post("/internal/auth/refresh-tokens", null).body());
        secrets.add(field(fakes.lastRequest(Endpoint.ANTHROPIC_TOKEN).orElseThrow().body(), "refresh_token"));

        bodies.add(server.get("/api/auth/status").body());
        bodies.add(server.get("/api/auth/validate").body());
        bodies.add(server.get("/health/auth").body());
        bodies.add(server.delete("/api/auth/openrouter").body());
      }
      assertThat(dev.mixauth.server.cli.Main.run("rotate-key", "--data-dir", dataDir.toString())).isZero();
      try (TestServer server = TestServer.start(dataDir, Fakes.environment(fakes))) {
        bodies.add(server.get("/api/auth/status").body());
      }

      List<String> places = new ArrayList<>(logs.lines());
      places.addAll(bodies);
      places.addAll(storeFiles());
      try (var store = dev.mixauth.server.store.sqlite.SqliteCredentialStore.open(dataDir)) {
        store.listAudit(1000).forEach(event -> places.add(event.toString()));
      }
      assertThat(places).hasSizeGreaterThan(20);
      secrets.remove("");
      assertThat(secrets).hasSizeGreaterThan(8);
      for (String secret : secrets) {
        for (String place : places) {
          assertThat(place.contains(secret)).as("a secret (%s…) appears in: %s", secret.substring(0, 6), 
              place.replace(secret, "<SECRET>")).isFalse();
        }
      }
      System.out.println("Secrets searched: " + secrets.size() + " in " + places.size() + " places; found: 0");
    }
  }

  private static String field(String body, String name) {
    try {
      return new ObjectMapper().readTree(body).path(name).asText();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private List<String> storeFiles() throws IOException {
    List<String> contents = new ArrayList<>();
    try (Stream<Path> files = Files.walk(dataDir)) {
      for (Path file : files.filter(Files::isRegularFile).toList()) {
        contents.add(new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1));
      }
    }
    return contents;
  }
}
