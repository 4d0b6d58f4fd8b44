package dev.mixauth.server.hardening;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.crypto.tink.KeysetHandle;
import dev.mixauth.fakes.FakeProviders;
import dev.mixauth.fakes.Provider;
import dev.mixauth.server.cli.Main;
import dev.mixauth.server.store.sqlite.SqliteCredentialStore;
import dev.mixauth.server.testing.ApiResponse;
import dev.mixauth.server.testing.Fakes;
import dev.mixauth.server.testing.TestServer;
import dev.mixauth.server.vault.KeyRotation;
import dev.mixauth.server.vault.KeysetSource;
import dev.mixauth.server.vault.VaultException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KeyRotationTest {
  private static final String KEY = "sk-or-v1-RotationCanaryKey-0123456789ab";

  @TempDir Path dataDir;
  private FakeProviders fakes;

  @BeforeEach
  void startFakes() {
    fakes = FakeProviders.start();
  }

  @AfterEach
  void stopFakes() {
    fakes.close();
  }

  /** Stores a key, an OAuth sign-in and a pending sign-in, and returns the pending one's code. */
  private String fillStore() {
    try (TestServer server = TestServer.start(dataDir, Fakes.environment(fakes))) {
      server.post("/api/auth/api-key", Map.of("api_key", KEY, "provider", "openrouter"));
      ApiResponse signIn = server.post("/api/auth/oauth/anthropic", null);
      server.post("/api/auth/oauth-callback", Map.of("provider", "anthropic", "code",
          Fakes.approve(signIn.text("auth_url"))));
      ApiResponse pending = server.post("/api/auth/oauth/anthropic", null);
      return Fakes.approve(pending.text("auth_url"));
    }
  }

  @Test
  void rotationReencryptsEverythingAndServerKeepsWorking() throws IOException {
    String pendingCode = fillStore();
    Path keyFile = dataDir.resolve(KeysetSource.KEY_FILE_NAME);
    String oldKeyset = Files.readString(keyFile);

    int exit = Main.run("rotate-key", "--data-dir", dataDir.toString());

    assertThat(exit).isZero();
    KeysetHandle rotated = KeysetSource.load(Optional.empty(), keyFile, true);
    assertThat(rotated.size()).isEqualTo(2);
    try (TestServer server = TestServer.start(dataDir, Fakes.environment(fakes))) {
      assertThat(server.get("/api/auth/status").json().path("providers").path("openrouter").path("key_hint").asText())
          .isEqualTo("sk-or-v1-…89ab");
      assertThat(server.post("/api/auth/oauth-callback", Map.of("provider", "anthropic", "code", pendingCode)).status())
          .isEqualTo(200);
      server.clock().advance(Duration.ofHours(8));
      server.post("/internal/auth/refresh-tokens", null);
      assertThat(fakes.successfulRefreshes(Provider.ANTHROPIC)).as("the refresh token decrypts").isEqualTo(1);
    }
    assertThatThrownBy(() -> TestServer.start(dataDir, Map.of("MIX_AUTH_MASTER_KEY", oldKeyset)))
        .isInstanceOf(VaultException.class)
        .hasMessageContaining("cannot decrypt this store");
  }

  @Test
  void oldCiphertextDecryptsBeforeRowsAreRewritten() {
    fillStore();
    Path keyFile = dataDir.resolve(KeysetSource.KEY_FILE_NAME);
    KeysetHandle current = KeysetSource.load(Optional.empty(), keyFile, true);

    KeysetSource.write(KeyRotation.addPrimary(current), keyFile);

    try (TestServer server = TestServer.start(dataDir, Fakes.environment(fakes))) {
      assertThat(server.get("/api/auth/status").json().path("providers").path("openrouter").path("authenticated")
          .asBoolean()).isTrue();
    }
  }

  @Test
  void masterKeyFromEnvironmentNeedsOutputFile() throws IOException {
    String masterKey = KeysetSource.toJson(KeysetSource.generate());
    try (TestServer server = TestServer.start(dataDir, Map.of("MIX_AUTH_MASTER_KEY", masterKey))) {
      server.post("/api/auth/api-key", Map.of("api_key", KEY, "provider", "openrouter"));
    }
    try (SqliteCredentialStore store = SqliteCredentialStore.open(dataDir)) {
      Path output = dataDir.resolve("rotated.json");

      KeyRotation.Result result = KeyRotation.rotate(store,
          KeysetSource.load(Optional.of(dev.mixauth.server.vault.Secret.of(masterKey)), output, true), output);

      assertThat(result.rewritten()).isGreaterThanOrEqualTo(2);
      assertThat(Files.readString(output, StandardCharsets.UTF_8)).doesNotContain(KEY);
    }
    try (TestServer server = TestServer.start(dataDir,
        Map.of("MIX_AUTH_MASTER_KEY", Files.readString(dataDir.resolve("rotated.json"))))) {
      assertThat(server.get("/api/auth/status").json().path("providers").path("openrouter").path("authenticated")
          .asBoolean()).isTrue();
    }
  }

  @Test
  void auditCommandPrintsRotation() {
    fillStore();
    Main.run("rotate-key", "--data-dir", dataDir.toString());

    try (SqliteCredentialStore store = SqliteCredentialStore.open(dataDir)) {
      var events = store.listAudit(5);
      assertThat(events.get(0).operation()).isEqualTo("rotate_key");
      assertThat(events.get(0).outcome()).isEqualTo("success");
    }
  }
}
