package dev.mixauth.server.store.sqlite;

import dev.mixauth.server.vault.AuditEvent;
import dev.mixauth.server.vault.CredentialKind;
import dev.mixauth.server.vault.CredentialMetadata;
import dev.mixauth.server.vault.CredentialState;
import dev.mixauth.server.vault.CredentialStore;
import dev.mixauth.server.vault.PendingFlow;
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
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
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
        throw new SQLException("SQLite refused WAL mode (journal mode is " + journal + ")");
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
    return locked(
        "list credentials",
        () -> {
          List<CredentialMetadata> result = new ArrayList<>();
          try (PreparedStatement ps =
                  connection.prepareStatement(
                      "SELECT provider, kind, key_hint, expires_at, refresh_secret IS NOT NULL, state,"
                          + " last_refresh, last_error, created_at, updated_at FROM credentials"
                          + " ORDER BY provider, kind");
              ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
              result.add(metadata(rs));
            }
          }
          return result;
        });
  }

  @Override
  public Optional<StoredCredential> find(String provider, CredentialKind kind) {
    return locked(
        "read the " + kind.column() + " credential of " + provider,
        () -> {
          try (PreparedStatement ps =
              connection.prepareStatement(
                  "SELECT provider, kind, key_hint, expires_at, refresh_secret IS NOT NULL, state,"
                      + " last_refresh, last_error, created_at, updated_at, secret, refresh_secret"
                      + " FROM credentials WHERE provider = ? AND kind = ?")) {
            ps.setString(1, provider);
            ps.setString(2, kind.column());
            try (ResultSet rs = ps.executeQuery()) {
              if (!rs.next()) {
                return Optional.empty();
              }
              return Optional.of(new StoredCredential(metadata(rs), rs.getBytes(11), rs.getBytes(12)));
            }
          }
        });
  }

  @Override
  public void put(StoredCredential credential) {
    locked(
        "store the credential of " + credential.metadata().provider(),
        () -> {
          upsert(credential);
          return null;
        });
  }

  @Override
  public boolean replaceIfUnchanged(StoredCredential credential, Instant expected) {
    CredentialMetadata m = credential.metadata();
    return locked(
        "replace the credential of " + m.provider(),
        () -> {
          try (PreparedStatement ps =
              connection.prepareStatement(
                  "UPDATE credentials SET secret = ?, refresh_secret = ?, key_hint = ?, expires_at = ?,"
                      + " state = ?, last_refresh = ?, last_error = ?, updated_at = ?"
                      + " WHERE provider = ? AND kind = ? AND updated_at = ?")) {
            ps.setBytes(1, credential.secret());
            ps.setBytes(2, credential.refreshSecret());
            ps.setString(3, m.keyHint());
            setInstant(ps, 4, m.expiresAt());
            ps.setString(5, m.state().column());
            setInstant(ps, 6, m.lastRefresh());
            ps.setString(7, m.lastError());
            setInstant(ps, 8, m.updatedAt());
            ps.setString(9, m.provider());
            ps.setString(10, m.kind().column());
            setInstant(ps, 11, expected);
            return ps.executeUpdate() == 1;
          }
        });
  }

  @Override
  public int delete(String provider) {
    return locked(
        "delete the credentials of " + provider,
        () -> {
          try (PreparedStatement ps = connection.prepareStatement("DELETE FROM credentials WHERE provider = ?")) {
            ps.setString(1, provider);
            return ps.executeUpdate();
          }
        });
  }

  @Override
  public boolean hasEncryptedData() {
    return locked(
        "count stored secrets",
        () -> {
          try (PreparedStatement ps =
                  connection.prepareStatement(
                      "SELECT (SELECT COUNT(*) FROM credentials) + (SELECT COUNT(*) FROM oauth_flows)"
                          + " + (SELECT COUNT(*) FROM store_meta)");
              ResultSet rs = ps.executeQuery()) {
            return rs.next() && rs.getLong(1) > 0;
          }
        });
  }

  @Override
  public void insertFlow(PendingFlow flow) {
    locked(
        "store a pending " + flow.provider() + " sign-in",
        () -> {
          try (PreparedStatement ps =
              connection.prepareStatement(
                  "INSERT INTO oauth_flows (state_hash, provider, verifier, redirect_uri, created_at,"
                      + " expires_at, status, code_hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
            ps.setString(1, flow.stateHash());
            ps.setString(2, flow.provider());
            ps.setBytes(3, flow.verifier());
            ps.setString(4, flow.redirectUri());
            setInstant(ps, 5, flow.createdAt());
            setInstant(ps, 6, flow.expiresAt());
            ps.setString(7, flow.status());
            ps.setString(8, flow.codeHash());
            ps.executeUpdate();
          }
          return null;
        });
  }

  @Override
  public Optional<PendingFlow> findFlow(String stateHash) {
    return locked(
        "read a pending sign-in",
        () -> {
          try (PreparedStatement ps =
              connection.prepareStatement(
                  "SELECT state_hash, provider, verifier, redirect_uri, created_at, expires_at, status,"
                      + " code_hash FROM oauth_flows WHERE state_hash = ?")) {
            ps.setString(1, stateHash);
            try (ResultSet rs = ps.executeQuery()) {
              if (!rs.next()) {
                return Optional.empty();
              }
              return Optional.of(
                  new PendingFlow(
                      rs.getString(1),
                      rs.getString(2),
                      rs.getBytes(3),
                      rs.getString(4),
                      instant(rs, 5),
                      instant(rs, 6),
                      rs.getString(7),
                      rs.getString(8)));
            }
          }
        });
  }

  @Override
  public int countPendingFlows(String provider, Instant now) {
    return locked(
        "count pending sign-ins",
        () -> {
          try (PreparedStatement ps =
              connection.prepareStatement(
                  "SELECT COUNT(*) FROM oauth_flows WHERE provider = ? AND status = ? AND expires_at > ?")) {
            ps.setString(1, provider);
            ps.setString(2, PendingFlow.PENDING);
            setInstant(ps, 3, now);
            try (ResultSet rs = ps.executeQuery()) {
              return rs.next() ? rs.getInt(1) : 0;
            }
          }
        });
  }

  @Override
  public int deleteExpiredFlows(Instant now) {
    return locked(
        "delete expired sign-ins",
        () -> {
          try (PreparedStatement ps = connection.prepareStatement("DELETE FROM oauth_flows WHERE expires_at <= ?")) {
            setInstant(ps, 1, now);
            return ps.executeUpdate();
          }
        });
  }

  @Override
  public boolean completeFlow(String stateHash, String codeHash, StoredCredential credential) {
    return transaction(
        "store the tokens of a completed sign-in",
        () -> {
          try (PreparedStatement ps =
              connection.prepareStatement(
                  "UPDATE oauth_flows SET status = ?, code_hash = ? WHERE state_hash = ? AND status = ?")) {
            ps.setString(1, PendingFlow.COMPLETED);
            ps.setString(2, codeHash);
            ps.setString(3, stateHash);
            ps.setString(4, PendingFlow.PENDING);
            if (ps.executeUpdate() != 1) {
              return false;
            }
          }
          upsert(credential);
          return true;
        });
  }

  @Override
  public void rejectFlow(String stateHash) {
    locked(
        "mark a sign-in rejected",
        () -> {
          try (PreparedStatement ps =
              connection.prepareStatement("UPDATE oauth_flows SET status = ? WHERE state_hash = ? AND status = ?")) {
            ps.setString(1, PendingFlow.REJECTED);
            ps.setString(2, stateHash);
            ps.setString(3, PendingFlow.PENDING);
            ps.executeUpdate();
          }
          return null;
        });
  }

  @Override
  public Optional<StoredPreferences> loadPreferences() {
    return locked(
        "read the preferences",
        () -> {
          try (PreparedStatement ps =
                  connection.prepareStatement(
                      "SELECT preferred_provider, main_agent_model, main_agent_max_tokens,"
                          + " main_agent_reasoning_effort, sub_agent_model, sub_agent_max_tokens,"
                          + " sub_agent_reasoning_effort, created_at, updated_at FROM preferences WHERE id = 1");
              ResultSet rs = ps.executeQuery()) {
            if (!rs.next()) {
              return Optional.empty();
            }
            return Optional.of(
                new StoredPreferences(
                    rs.getString(1),
                    rs.getString(2),
                    integer(rs, 3),
                    rs.getString(4),
                    rs.getString(5),
                    integer(rs, 6),
                    rs.getString(7),
                    instant(rs, 8),
                    instant(rs, 9)));
          }
        });
  }

  @Override
  public void savePreferences(StoredPreferences p) {
    locked(
        "store the preferences",
        () -> {
          try (PreparedStatement ps =
              connection.prepareStatement(
                  "INSERT OR REPLACE INTO preferences (id, preferred_provider, main_agent_model,"
                      + " main_agent_max_tokens, main_agent_reasoning_effort, sub_agent_model,"
                      + " sub_agent_max_tokens, sub_agent_reasoning_effort, created_at, updated_at)"
                      + " VALUES (1, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            ps.setString(1, p.preferredProvider());
            ps.setString(2, p.mainAgentModel());
            setInteger(ps, 3, p.mainAgentMaxTokens());
            ps.setString(4, p.mainAgentReasoningEffort());
            ps.setString(5, p.subAgentModel());
            setInteger(ps, 6, p.subAgentMaxTokens());
            ps.setString(7, p.subAgentReasoningEffort());
            setInstant(ps, 8, p.createdAt());
            setInstant(ps, 9, p.updatedAt());
            ps.executeUpdate();
          }
          return null;
        });
  }

  @Override
  public void append(AuditEvent event) {
    locked(
        "record an audit event",
        () -> {
          try (PreparedStatement ps =
              connection.prepareStatement(
                  "INSERT INTO audit_events (at, operation, provider, outcome, client, detail)"
                      + " VALUES (?, ?, ?, ?, ?, ?)")) {
            setInstant(ps, 1, event.at());
            ps.setString(2, event.operation());
            ps.setString(3, event.provider());
            ps.setString(4, event.outcome());
            ps.setString(5, event.client());
            ps.setString(6, event.detail());
            ps.executeUpdate();
          }
          return null;
        });
  }

  @Override
  public List<AuditEvent> listAudit(int limit) {
    return locked(
        "read the audit trail",
        () -> {
          List<AuditEvent> events = new ArrayList<>();
          try (PreparedStatement ps =
              connection.prepareStatement(
                  "SELECT at, operation, provider, outcome, client, detail FROM audit_events"
                      + " ORDER BY id DESC LIMIT ?")) {
            ps.setInt(1, limit);
            try (ResultSet rs = ps.executeQuery()) {
              while (rs.next()) {
                events.add(
                    new AuditEvent(
                        instant(rs, 1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6)));
              }
            }
          }
          return events;
        });
  }

  @Override
  public Optional<byte[]> readMeta(String key) {
    return locked(
        "read store metadata",
        () -> {
          try (PreparedStatement ps = connection.prepareStatement("SELECT value FROM store_meta WHERE key = ?")) {
            ps.setString(1, key);
            try (ResultSet rs = ps.executeQuery()) {
              return rs.next() ? Optional.of(rs.getBytes(1)) : Optional.empty();
            }
          }
        });
  }

  @Override
  public void writeMeta(String key, byte[] value) {
    locked(
        "write store metadata",
        () -> {
          try (PreparedStatement ps =
              connection.prepareStatement("INSERT OR REPLACE INTO store_meta (key, value) VALUES (?, ?)")) {
            ps.setString(1, key);
            ps.setBytes(2, value);
            ps.executeUpdate();
          }
          return null;
        });
  }

  /**
   * Serialises refreshes within this process. NOTE: two processes on one SQLite file are not
   * coordinated; team mode, where replicas share a store, runs on PostgreSQL.
   */
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

  private void upsert(StoredCredential credential) throws SQLException {
    CredentialMetadata m = credential.metadata();
    try (PreparedStatement ps =
        connection.prepareStatement(
            "INSERT INTO credentials (provider, kind, secret, refresh_secret, key_hint, expires_at, state,"
                + " last_refresh, last_error, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
                + " ON CONFLICT (provider, kind) DO UPDATE SET secret = excluded.secret,"
                + " refresh_secret = excluded.refresh_secret, key_hint = excluded.key_hint,"
                + " expires_at = excluded.expires_at, state = excluded.state,"
                + " last_refresh = excluded.last_refresh, last_error = excluded.last_error,"
                + " updated_at = excluded.updated_at")) {
      ps.setString(1, m.provider());
      ps.setString(2, m.kind().column());
      ps.setBytes(3, credential.secret());
      ps.setBytes(4, credential.refreshSecret());
      ps.setString(5, m.keyHint());
      setInstant(ps, 6, m.expiresAt());
      ps.setString(7, m.state().column());
      setInstant(ps, 8, m.lastRefresh());
      ps.setString(9, m.lastError());
      setInstant(ps, 10, m.createdAt());
      setInstant(ps, 11, m.updatedAt());
      ps.executeUpdate();
    }
  }

  private static CredentialMetadata metadata(ResultSet rs) throws SQLException {
    return new CredentialMetadata(
        rs.getString(1),
        CredentialKind.fromColumn(rs.getString(2)),
        rs.getString(3),
        instant(rs, 4),
        rs.getBoolean(5),
        CredentialState.fromColumn(rs.getString(6)),
        instant(rs, 7),
        rs.getString(8),
        instant(rs, 9),
        instant(rs, 10));
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

  private static void setInstant(PreparedStatement ps, int index, Instant value) throws SQLException {
    if (value == null) {
      ps.setNull(index, Types.INTEGER);
    } else {
      ps.setLong(index, value.toEpochMilli());
    }
  }

  private static Instant instant(ResultSet rs, int index) throws SQLException {
    long millis = rs.getLong(index);
    return rs.wasNull() ? null : Instant.ofEpochMilli(millis);
  }

  private static void setInteger(PreparedStatement ps, int index, Integer value) throws SQLException {
    if (value == null) {
      ps.setNull(index, Types.INTEGER);
    } else {
      ps.setInt(index, value);
    }
  }

  private static Integer integer(ResultSet rs, int index) throws SQLException {
    int value = rs.getInt(index);
    return rs.wasNull() ? null : value;
  }
}
