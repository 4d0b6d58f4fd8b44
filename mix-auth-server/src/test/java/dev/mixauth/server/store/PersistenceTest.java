package dev.mixauth.server.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mixauth.server.testing.TestServer;
import dev.mixauth.server.vault.KeysetSource;
import dev.mixauth.server.vault.StoreException;
import dev.mixauth.server.vault.VaultException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PersistenceTest {
  private static final String OPENROUTER_KEY = "sk-or-v1-0123456789abcdef0123456789a9F2";
  private static final String OPENAI_KEY = "sk-proj-AbCdEfGhIjKlMnOpQrStUvWxYz-0123";

  @TempDir Path dataDir;

  @Test
  void restartKeepsCredentialsAndPreferences() {
    try (TestServer server = TestServer.start(dataDir, Map.of())) {
      server.post("/api/auth/api-key", Map.of("api_key", OPENROUTER_KEY, "provider", "openrouter"));
      server.post("/api/preferences", Map.of("preferred_provider", "openrouter", "main_agent_max_tokens", 2048));

      server.restart();

      var entry = server.get("/api/auth/status").json().path("providers").path("openrouter");
      assertThat(entry.path("authenticated").asBoolean()).isTrue();
      assertThat(entry.path("key_hint").asText()).isEqualTo("sk-or-v1-…a9F2");
      var preferences = server.get("/api/preferences").json().path("preferences");
      assertThat(preferences.path("preferred_provider").asText()).isEqualTo("openrouter");
      assertThat(preferences.path("main_agent_max_tokens").asInt()).isEqualTo(2048);
      assertThat(server.get("/api/auth/validate").json().path("valid").asBoolean()).isTrue();
    }
  }

  @Test
  void storeFilesHoldNoPlainSecrets() throws IOException {
    try (TestServer server = TestServer.start(dataDir, Map.of())) {
      server.post("/api/auth/api-key", Map.of("api_key", OPENROUTER_KEY, "provider", "openrouter"));
      server.post("/api/auth/api-key", Map.of("api_key", OPENAI_KEY, "provider", "openai"));
    }

    for (Path file : files()) {
      byte[] bytes = Files.readAllBytes(file);
      String latin = new String(bytes, StandardCharsets.ISO_8859_1);
      for (String secret : List.of(OPENROUTER_KEY, OPENAI_KEY)) {
        assertThat(latin).as(file.getFileName().toString()).doesNotContain(secret);
        assertThat(latin).as(file.getFileName() + " (base64)")
            .doesNotContain(Base64.getEncoder().encodeToString(secret.getBytes(StandardCharsets.UTF_8)));
      }
    }
  }

  @Test
  void dataFolderAndFilesAreOwnerOnly() throws IOException {
    try (TestServer server = TestServer.start(dataDir.resolve("store"), Map.of())) {
      server.post("/api/auth/api-key", Map.of("api_key", OPENROUTER_KEY, "provider", "openrouter"));
    }

    Path store = dataDir.resolve("store");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(store))).isEqualTo("rwx------");
    try (Stream<Path> files = Files.list(store)) {
      for (Path file : files.toList()) {
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
            .as(file.getFileName().toString())
            .isEqualTo("rw-------");
      }
    }
  }

  @Test
  void keyFileReadableByOthersStopsStartup() throws IOException {
    try (TestServer server = TestServer.start(dataDir, Map.of())) {
      server.get("/health");
    }
    Path keyFile = dataDir.resolve(KeysetSource.KEY_FILE_NAME);
    Files.setPosixFilePermissions(keyFile, PosixFilePermissions.fromString("rw-r--r--"));

    assertThatThrownBy(() -> TestServer.start(dataDir, Map.of()))
        .isInstanceOf(VaultException.class)
        .hasMessageContaining("is accessible to other users (mode rw-r--r--)")
        .hasMessageContaining("chmod 600 " + keyFile);
  }

  @Test
  void missingKeyFileWithStoredDataStopsStartup() throws IOException {
    try (TestServer server = TestServer.start(dataDir, Map.of())) {
      server.post("/api/auth/api-key", Map.of("api_key", OPENROUTER_KEY, "provider", "openrouter"));
    }
    Files.delete(dataDir.resolve(KeysetSource.KEY_FILE_NAME));

    assertThatThrownBy(() -> TestServer.start(dataDir, Map.of()))
        .isInstanceOf(VaultException.class)
        .hasMessageContaining("the key file " + dataDir.resolve(KeysetSource.KEY_FILE_NAME) + " is missing");
    assertThat(dataDir.resolve(KeysetSource.KEY_FILE_NAME)).doesNotExist();
  }

  @Test
  void wrongMasterKeyStopsStartup() {
    try (TestServer server = TestServer.start(dataDir, Map.of())) {
      server.post("/api/auth/api-key", Map.of("api_key", OPENROUTER_KEY, "provider", "openrouter"));
    }
    String otherKey = KeysetSource.toJson(KeysetSource.generate());

    assertThatThrownBy(() -> TestServer.start(dataDir, Map.of("MIX_AUTH_MASTER_KEY", otherKey)))
        .isInstanceOf(VaultException.class)
        .hasMessageContaining("cannot decrypt this store")
        .hasMessageContaining("stored: openrouter api_key")
        .hasMessageNotContaining(OPENROUTER_KEY);
  }

  @Test
  void masterKeyFromEnvironmentIsUsed() {
    String masterKey =
        Base64.getEncoder().encodeToString(KeysetSource.toJson(KeysetSource.generate()).getBytes(StandardCharsets.UTF_8));
    try (TestServer server = TestServer.start(dataDir, Map.of("MIX_AUTH_MASTER_KEY", masterKey))) {
      server.post("/api/auth/api-key", Map.of("api_key", OPENROUTER_KEY, "provider", "openrouter"));
      server.restart();

      assertThat(server.get("/api/auth/status").json().path("providers").path("openrouter").path("authenticated").asBoolean())
          .isTrue();
    }
    assertThat(dataDir.resolve(KeysetSource.KEY_FILE_NAME)).doesNotExist();
  }

  @Test
  void damagedStoreIsReportedNotReplaced() throws IOException {
    try (TestServer server = TestServer.start(dataDir, Map.of())) {
      server.post("/api/auth/api-key", Map.of("api_key", OPENROUTER_KEY, "provider", "openrouter"));
    }
    Path db = dataDir.resolve("mix-auth.db");
    Files.deleteIfExists(dataDir.resolve("mix-auth.db-wal"));
    Files.deleteIfExists(dataDir.resolve("mix-auth.db-shm"));
    byte[] garbage = "this is not a database file, it was damaged".repeat(200).getBytes(StandardCharsets.UTF_8);
    Files.write(db, garbage);

    assertThatThrownBy(() -> TestServer.start(dataDir, Map.of()))
        .isInstanceOf(StoreException.class)
        .hasMessageContaining("Cannot open the credential store " + db)
        .hasMessageContaining("never replaced automatically");
    assertThat(Files.readAllBytes(db)).isEqualTo(garbage);
  }

  private List<Path> files() throws IOException {
    try (Stream<Path> walk = Files.walk(dataDir)) {
      return walk.filter(Files::isRegularFile).toList();
    }
  }
}
