package dev.mixauth.server.store.sqlite;

import dev.mixauth.server.store.StoreSql;
import dev.mixauth.server.vault.AuditEvent;
import dev.mixauth.server.vault.CredentialKind;
import dev.mixauth.server.vault.CredentialMetadata;
import dev.mixauth.server.vault.CredentialStore;
import dev.mixauth.server.vault.PendingFlow;
import dev.mixauth.server.vault.SecretRewriter;
import dev.mixauth.server.vault.StoreException;
import dev.mixauth.server.vault.StoredCredential;
import dev.mixauth.server.vault.StoredPreferences;
import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link CredentialStore} in one SQLite file, in WAL mode with {@code synchronous=FULL}, so every
 * committed write survives a crash or power loss. One connection serves the process, guarded by a
 * lock; the status path reads from memory, so the store is never the bottleneck.
 */
public final class SqliteCredentialStore implements CredentialStore {
  public static final String FILE_NAME = "mix-auth.db";

  private static final Logger log = LoggerFactory.getLogger(SqliteCredentialStore.class);

  private final Path file;
  private final Connection connection;
  private final ReentrantLock lock = new ReentrantLock();
  private final Map<String, ReentrantLock> refreshLocks = new ConcurrentHashMap<>();

  private SqliteCredentialStore(Path file, Connection connection) {
    this.file = file;
    this.connection = connection;
  }

  /** Opens the store in {@code dataDir}, creating the file (mode 0600) and schema on first use. */
  public static SqliteCredentialStore open(Path dataDir) {
    Path file = dataDir.resolve(FILE_NAME);
    createOwnerOnly(file);
    try {
      Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file);
      SqliteCredentialStore store = new SqliteCredentialStore(file, connection);
      store.configure();
      store.migrate();
      return store;
    } catch (SQLException e) {
      throw new StoreException(
          "Cannot open the credential store "
              + file
              + ": "
              + e.getMessage()
              + ". If the file is damaged, restore it from a backup; it is never replaced"
              + " automatically.",
          e);
    }
  }

  public Path file() {
    return file;
  }

  private static void createOwnerOnly(Path file) {
    try {
      Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
    } catch (FileAlreadyExistsException e) {
      // An existing store keeps its file; its permissions were set when it was created.
    } catch (IOException e) {
      throw new StoreException("Cannot create the credential store " + file + ": " + e.getMessage(), e);
    }
  }

  private void configure() throws SQLException {
    try (Statement statement = connection.createStatement()) {
      statement.execute("PRAGMA busy_timeout = 5000");
      String journal;
      try (ResultSet rs = statement.executeQuery("PRAGMA journal_mode = WAL")) {
        journal = rs.next() ? rs.getString(1) : "unknown";
      }
      if (!"wal".equalsIgnoreCase(journal)) {
        throw new SQLException("SQLite rejected WAL mode (journal mode is " + journal + ")");
      }
      statement.execute("PRAGMA synchronous = FULL");
      statement.execute("PRAGMA foreign_keys = ON");
      try (ResultSet rs = statement.executeQuery("PRAGMA quick_check")) {
        String result = rs.next() ? rs.getString(1) : "no answer";
        if (!"ok".equals(result)) {
          throw new SQLException("the integrity check failed: " + result);
        }
      }
    }
  }

  private void migrate() throws SQLException {
    try (Statement statement = connection.createStatement()) {
      statement.execute("CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL)");
      int current;
      try (ResultSet rs = statement.executeQuery("SELECT COALESCE(MAX(version), 0) FROM schema_version")) {
        current = rs.next() ? rs.getInt(1) : 0;
      }
      for (int version = current + 1; version <= SqliteSchema.MIGRATIONS.size(); version++) {
        connection.setAutoCommit(false);
        try {
          for (String sql : SqliteSchema.MIGRATIONS.get(version - 1).split(";")) {
            if (!sql.isBlank()) {
              statement.execute(sql);
            }
          }
          statement.execute("INSERT INTO schema_version (version) VALUES (" + version + ")");
          connection.commit();
          log.info("Migrated the credential store {} to schema version {}", file, version);
        } catch (SQLException e) {
          connection.rollback();
          throw e;
        } finally {
          connection.setAutoCommit(true);
        }
      }
    }
  }

  @Override
  public List<CredentialMetadata> listMetadata() {
    return locked("list credentials", () -> StoreSql.listMetadata(connection));
  }

  @Override
  public Optional<StoredCredential> find(String provider, CredentialKind kind) {
    return locked(
        "read the " + kind.column() + " credential of " + provider, () -> StoreSql.find(connection, provider, kind));
  }

  @Override
  public void put(StoredCredential credential) {
    locked(
        "store the credential of " + credential.metadata().provider(),
        () -> {
          StoreSql.upsert(connection, credential);
          return null;
        });
  }

  @Override
  public boolean replaceIfUnchanged(StoredCredential credential, Instant expected) {
    return locked(
        "replace the credential of " + credential.metadata().provider(),
        () -> StoreSql.replaceIfUnchanged(connection, credential, expected));
  }

  @Override
  public int delete(String provider) {
    return locked("delete the credentials of " + provider, () -> StoreSql.delete(connection, provider));
  }

  @Override
  public boolean hasEncryptedData() {
    return locked("count stored secrets", () -> StoreSql.hasEncryptedData(connection));
  }

  @Override
  public void insertFlow(PendingFlow flow) {
    locked(
        "store a pending " + flow.provider() + " sign-in",
        () -> {
          StoreSql.insertFlow(connection, flow);
          return null;
        });
  }

  @Override
  public Optional<PendingFlow> findFlow(String stateHash) {
    return locked("read a pending sign-in", () -> StoreSql.findFlow(connection, stateHash));
  }

  @Override
  public int countPendingFlows(String provider, Instant now) {
    return locked("count pending sign-ins", () -> StoreSql.countPendingFlows(connection, provider, now));
  }

  @Override
  public int deleteExpiredFlows(Instant now) {
    return locked("delete expired sign-ins", () -> StoreSql.deleteExpiredFlows(connection, now));
  }

  @Override
  public boolean completeFlow(String stateHash, String codeHash, StoredCredential credential) {
    return transaction(
        "store the tokens of a completed sign-in",
        () -> {
          if (!StoreSql.markFlowCompleted(connection, stateHash, codeHash)) {
            return false;
          }
          StoreSql.upsert(connection, credential);
          return true;
        });
  }

  @Override
  public void rejectFlow(String stateHash) {
    locked(
        "mark a sign-in rejected",
        () -> {
          StoreSql.rejectFlow(connection, stateHash);
          return null;
        });
  }

  @Override
  public Optional<StoredPreferences> loadPreferences() {
    return locked("read the preferences", () -> StoreSql.loadPreferences(connection));
  }

  @Override
  public void savePreferences(StoredPreferences preferences) {
    locked(
        "store the preferences",
        () -> {
          StoreSql.savePreferences(connection, preferences);
          return null;
        });
  }

  @Override
  public void append(AuditEvent event) {
    locked(
        "record an audit event",
        () -> {
          StoreSql.append(connection, event);
          return null;
        });
  }

  @Override
  public List<AuditEvent> listAudit(int limit) {
    return locked("read the audit trail", () -> StoreSql.listAudit(connection, limit));
  }

  @Override
  public Optional<byte[]> readMeta(String key) {
    return locked("read store metadata", () -> StoreSql.readMeta(connection, key));
  }

  @Override
  public void writeMeta(String key, byte[] value) {
    locked(
        "write store metadata",
        () -> {
          StoreSql.writeMeta(connection, key, value);
          return null;
        });
  }

  /**
   * Serialises refreshes within this process. NOTE: two processes on one SQLite file are not
   * coordinated; team mode, where replicas share a store, runs on PostgreSQL.
   */
  @Override
  public int rewriteSecrets(SecretRewriter rewriter) {
    return transaction("rewrite every ciphertext", () -> StoreSql.rewriteSecrets(connection, rewriter));
  }

  @Override
  public <T> T withRefreshLock(String provider, Supplier<T> work) {
    ReentrantLock refreshLock = refreshLocks.computeIfAbsent(provider, p -> new ReentrantLock());
    refreshLock.lock();
    try {
      return work.get();
    } finally {
      refreshLock.unlock();
    }
  }

  /** Does nothing: one process owns a SQLite store, and its own writes reload what they change. */
  @Override
  public void onExternalChange(Runnable listener) {}

  @Override
  public void close() {
    lock.lock();
    try {
      connection.close();
    } catch (SQLException e) {
      log.warn("Closing the credential store {} failed: {}", file, e.getMessage());
    } finally {
      lock.unlock();
    }
  }

  private interface SqlWork<T> {
    T run() throws SQLException;
  }

  private <T> T transaction(String what, SqlWork<T> work) {
    return locked(
        what,
        () -> {
          connection.setAutoCommit(false);
          try {
            T result = work.run();
            connection.commit();
            return result;
          } catch (SQLException | RuntimeException e) {
            connection.rollback();
            throw e;
          } finally {
            connection.setAutoCommit(true);
          }
        });
  }

  private <T> T locked(String what, SqlWork<T> work) {
    lock.lock();
    try {
      return work.run();
    } catch (SQLException e) {
      throw new StoreException("Could not " + what + " in the credential store " + file + ": " + e.getMessage(), e);
    } finally {
      lock.unlock();
    }
  }
}
