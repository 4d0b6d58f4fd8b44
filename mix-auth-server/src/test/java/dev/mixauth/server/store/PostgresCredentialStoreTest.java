package dev.mixauth.server.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.mixauth.server.config.DatabaseSettings;
import dev.mixauth.server.store.postgres.PostgresCredentialStore;
import dev.mixauth.server.store.sqlite.SqliteCredentialStore;
import dev.mixauth.server.testing.TestPostgres;
import dev.mixauth.server.vault.AuditEvent;
import dev.mixauth.server.vault.CredentialKind;
import dev.mixauth.server.vault.CredentialMetadata;
import dev.mixauth.server.vault.CredentialState;
import dev.mixauth.server.vault.CredentialStore;
import dev.mixauth.server.vault.StoreException;
import dev.mixauth.server.vault.StoredCredential;
import dev.mixauth.server.vault.StoredPreferences;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs the store contract on PostgreSQL, plus what only a store shared by several replicas does. */
class PostgresCredentialStoreTest extends CredentialStoreContract {
  private final List<CredentialStore> replicas = new ArrayList<>();
  private String url;

  @TempDir Path sqliteDir;

  @Override
  protected CredentialStore openEmptyStore() {
    url = TestPostgres.newDatabase();
    return PostgresCredentialStore.open(TestPostgres.settings(url));
  }

  @Override
  protected void executeBehindStore(String sql) throws SQLException {
    try (Connection connection = TestPostgres.connect(url);
        Statement statement = connection.createStatement()) {
      statement.execute(sql);
    }
  }

  /** Opens a second store on the same database, as another replica would. */
  private CredentialStore openReplica() {
    CredentialStore replica = PostgresCredentialStore.open(TestPostgres.settings(url));
    replicas.add(replica);
    return replica;
  }

  @AfterEach
  void closeReplicas() {
    replicas.forEach(CredentialStore::close);
  }

  @Test
  void refreshLockAdmitsOneReplicaAtATime() throws Exception {
    store.put(counter(0, T0));
    List<CredentialStore> stores = List.of(store, openReplica());
    AtomicInteger inside = new AtomicInteger();
    AtomicInteger maxInside = new AtomicInteger();
    AtomicInteger lostUpdates = new AtomicInteger();

    runInThreads(4, thread -> {
      CredentialStore replica = stores.get(thread % 2);
      for (int i = 0; i < 5; i++) {
        replica.withRefreshLock("anthropic", () -> {
          maxInside.accumulateAndGet(inside.incrementAndGet(), Math::max);
          CredentialMetadata current = replica.find("anthropic", CredentialKind.OAUTH).orElseThrow().metadata();
          sleep(Duration.ofMillis(5));
          int next = Integer.parseInt(current.keyHint()) + 1;
          if (!replica.replaceIfUnchanged(counter(next, current.updatedAt().plusMillis(1)), current.updatedAt())) {
            lostUpdates.incrementAndGet();
          }
          inside.decrementAndGet();
          return null;
        });
      }
    });

    assertThat(maxInside.get()).isEqualTo(1);
    assertThat(lostUpdates.get()).isZero();
    assertThat(store.find("anthropic", CredentialKind.OAUTH).orElseThrow().metadata().keyHint()).isEqualTo("20");
  }

  @Test
  void waitingReplicaReadsRefreshedCredential() throws Exception {
    store.put(counter(1, T0));
    CredentialStore other = openReplica();
    CountDownLatch lockHeld = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    AtomicBoolean otherEntered = new AtomicBoolean();
    ExecutorService threads = Executors.newFixedThreadPool(2);
    try {
      Future<?> first = threads.submit(() -> store.withRefreshLock("anthropic", () -> {
        lockHeld.countDown();
        awaitLatch(release);
        store.replaceIfUnchanged(counter(2, T0.plusSeconds(1)), T0);
        return null;
      }));
      assertThat(lockHeld.await(10, TimeUnit.SECONDS)).isTrue();
      Future<String> second = threads.submit(() -> other.withRefreshLock("anthropic", () -> {
        otherEntered.set(true);
        return other.find("anthropic", CredentialKind.OAUTH).orElseThrow().metadata().keyHint();
      }));

      sleep(Duration.ofMillis(500));
      assertThat(otherEntered).as("the other replica entered while the lock was held").isFalse();
      release.countDown();
      first.get(10, TimeUnit.SECONDS);

      assertThat(second.get(10, TimeUnit.SECONDS)).isEqualTo("2");
    } finally {
      release.countDown();
      threads.shutdownNow();
    }
  }

  @Test
  void committedWriteNotifiesOtherReplicas() {
    CredentialStore other = openReplica();
    AtomicInteger otherReloads = new AtomicInteger();
    AtomicInteger writerReloads = new AtomicInteger();
    other.onExternalChange(otherReloads::incrementAndGet);
    store.onExternalChange(writerReloads::incrementAndGet);

    store.put(apiKey("openrouter", "sk-or-v1-…a9F2", T0));
    await().atMost(Duration.ofSeconds(5)).until(() -> otherReloads.get() >= 1);
    int afterPut = otherReloads.get();
    store.savePreferences(new StoredPreferences("openrouter", null, null, null, null, null, null, T0, T0));
    await().atMost(Duration.ofSeconds(5)).until(() -> otherReloads.get() > afterPut);

    await().during(Duration.ofMillis(800)).atMost(Duration.ofSeconds(3)).until(() -> writerReloads.get() == 0);
  }

  @Test
  void uncachedWritesSendNoNotification() {
    CredentialStore other = openReplica();
    AtomicInteger reloads = new AtomicInteger();
    other.onExternalChange(reloads::incrementAndGet);

    store.insertFlow(flow("a".repeat(64), "openai", T0.plusSeconds(600)));
    store.append(new AuditEvent(T0, "start_login", "openai", "success", "127.0.0.1", null));
    store.replaceIfUnchanged(oauth("openai", T0, T0, null), T0);
    store.delete("openrouter");

    await().during(Duration.ofMillis(800)).atMost(Duration.ofSeconds(3)).until(() -> reloads.get() == 0);
  }

  @Test
  void listenerReconnectsAfterLostConnection() throws SQLException {
    CredentialStore other = openReplica();
    AtomicInteger reloads = new AtomicInteger();
    other.onExternalChange(reloads::incrementAndGet);

    int terminated = terminateBackends("query = 'LISTEN mix_auth_changes'");

    assertThat(terminated).isEqualTo(2);
    await().atMost(Duration.ofSeconds(10)).until(() -> reloads.get() >= 1);
    int afterReconnect = reloads.get();
    store.put(apiKey("openai", "sk-…0123", T0));
    await().atMost(Duration.ofSeconds(5)).until(() -> reloads.get() > afterReconnect);
  }

  @Test
  void poolRecoversFromTerminatedBackends() throws SQLException {
    store.put(apiKey("openai", "sk-…0123", T0));

    terminateBackends("application_name = 'mix-auth' AND query <> 'LISTEN mix_auth_changes'");

    // A pooled connection that died may fail one call as transient, and the pool then replaces it.
    await().atMost(Duration.ofSeconds(10)).ignoreExceptionsMatching(e -> e instanceof StoreException s && s.isTransient())
        .until(() -> store.find("openai", CredentialKind.API_KEY).isPresent());
  }

  @Test
  void replicasStartingTogetherMigrateOnce() throws Exception {
    url = TestPostgres.newDatabase();
    ExecutorService threads = Executors.newFixedThreadPool(4);
    try {
      List<Future<CredentialStore>> opened = new ArrayList<>();
      for (int i = 0; i < 4; i++) {
        opened.add(threads.submit(() -> PostgresCredentialStore.open(TestPostgres.settings(url))));
      }
      for (Future<CredentialStore> replica : opened) {
        replicas.add(replica.get(60, TimeUnit.SECONDS));
      }
    } finally {
      threads.shutdownNow();
    }

    try (Connection connection = TestPostgres.connect(url);
        Statement statement = connection.createStatement();
        ResultSet rs =
            statement.executeQuery("SELECT version, success FROM flyway_schema_history WHERE version IS NOT NULL")) {
      List<String> rows = new ArrayList<>();
      while (rs.next()) {
        rows.add(rs.getString(1) + " " + rs.getBoolean(2));
      }
      assertThat(rows).containsExactly("1 true");
    }
    replicas.get(3).put(apiKey("openai", "sk-…0123", T0));
    assertThat(replicas.get(0).find("openai", CredentialKind.API_KEY)).isPresent();
  }

  @Test
  void tablesMatchSqliteSchema() throws SQLException {
    SqliteCredentialStore.open(sqliteDir).close();
    Map<String, TreeSet<String>> sqlite;
    try (Connection connection =
        DriverManager.getConnection("jdbc:sqlite:" + sqliteDir.resolve(SqliteCredentialStore.FILE_NAME))) {
      sqlite = columnsByTable(connection,
          "SELECT m.name, p.name FROM sqlite_master m JOIN pragma_table_info(m.name) p"
              + " WHERE m.type = 'table' AND m.name NOT IN ('schema_version', 'sqlite_sequence')");
    }
    Map<String, TreeSet<String>> postgres;
    try (Connection connection = TestPostgres.connect(url)) {
      postgres = columnsByTable(connection,
          "SELECT table_name, column_name FROM information_schema.columns"
              + " WHERE table_schema = 'public' AND table_name <> 'flyway_schema_history'");
    }

    assertThat(sqlite.keySet()).containsExactly("audit_events", "credentials", "oauth_flows", "preferences", "store_meta");
    assertThat(postgres).isEqualTo(sqlite);
  }

  @Test
  void unreachableDatabaseFailsFastAsTransient() throws IOException {
    int port;
    try (ServerSocket probe = new ServerSocket(0)) {
      port = probe.getLocalPort();
    }
    DatabaseSettings settings =
        new DatabaseSettings(TestPostgres.url(port, "mixauth") + "?password=hunter2-secret", Optional.of("postgres"),
            Optional.empty());
    long started = System.nanoTime();

    assertThatThrownBy(() -> PostgresCredentialStore.open(settings))
        .isInstanceOf(StoreException.class)
        .hasMessageContaining("Cannot connect to the PostgreSQL database 127.0.0.1:" + port + "/mixauth")
        .hasMessageContaining("refused")
        .hasMessageNotContaining("hunter2")
        .matches(e -> ((StoreException) e).isTransient(), "is transient");
    assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(10));
  }

  /** Runs a query whose rows are (table, column) and groups the columns by table. */
  private static Map<String, TreeSet<String>> columnsByTable(Connection connection, String query) throws SQLException {
    Map<String, TreeSet<String>> columns = new TreeMap<>();
    try (Statement statement = connection.createStatement();
        ResultSet rs = statement.executeQuery(query)) {
      while (rs.next()) {
        columns.computeIfAbsent(rs.getString(1), table -> new TreeSet<>()).add(rs.getString(2));
      }
    }
    return columns;
  }

  private int terminateBackends(String condition) throws SQLException {
    try (Connection connection = TestPostgres.connect(url);
        Statement statement = connection.createStatement();
        ResultSet rs = statement.executeQuery(
            "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity WHERE datname = current_database()"
                + " AND pid <> pg_backend_pid() AND " + condition)) {
      rs.next();
      return rs.getInt(1);
    }
  }

  /** Returns an OAuth row whose key hint is a counter, so that lost updates show. */
  private static StoredCredential counter(int value, Instant updatedAt) {
    CredentialMetadata metadata =
        new CredentialMetadata("anthropic", CredentialKind.OAUTH, Integer.toString(value), updatedAt.plusSeconds(3600),
            true, CredentialState.ACTIVE, updatedAt, null, T0, updatedAt);
    return new StoredCredential(metadata, new byte[] {(byte) value}, "refresh".getBytes(StandardCharsets.UTF_8));
  }
}
