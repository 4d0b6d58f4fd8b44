package dev.mixauth.server.store.postgres;

import com.zaxxer.hikari.HikariDataSource;
import dev.mixauth.server.config.DatabaseSettings;
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
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link CredentialStore} in a PostgreSQL database that several replicas share (team mode). Every
 * write runs in its own transaction through a HikariCP pool. Writes that change credentials or
 * preferences send a notification on {@value ChangeListener#CHANNEL} in the same transaction, so
 * other replicas hear of them exactly when they commit and reload their in-memory copies.
 *
 * <p>A lost database makes every method throw a transient {@link StoreException} within {@link
 * PostgresDatabase#CONNECTION_TIMEOUT}; the pool reconnects by itself once the database is back.
 */
public final class PostgresCredentialStore implements CredentialStore {
  /** How long a refresh waits for another replica's refresh of the same provider. */
  static final Duration REFRESH_LOCK_WAIT = Duration.ofSeconds(20);

  private static final Logger log = LoggerFactory.getLogger(PostgresCredentialStore.class);
  private static final String CREDENTIALS = "credentials";
  private static final String PREFERENCES = "preferences";

  private final DatabaseSettings settings;
  private final HikariDataSource pool;
  private final String origin;
  private final ChangeListener changes;
  private final Map<String, ReentrantLock> refreshLocks = new ConcurrentHashMap<>();

  private PostgresCredentialStore(DatabaseSettings settings, HikariDataSource pool, String origin) {
    this.settings = settings;
    this.pool = pool;
    this.origin = origin;
    this.changes = new ChangeListener(settings, origin);
  }

  /**
   * Connects, creates or migrates the tables, and starts listening for other replicas' changes.
   *
   * @throws StoreException when the database cannot be reached or migrated
   */
  public static PostgresCredentialStore open(DatabaseSettings settings) {
    HikariDataSource pool = PostgresDatabase.openPool(settings);
    try {
      PostgresDatabase.migrate(pool, settings);
      PostgresCredentialStore store = new PostgresCredentialStore(settings, pool, UUID.randomUUID().toString());
      try {
        store.changes.start();
      } catch (SQLException e) {
        throw PostgresErrors.wrap("listen for changes from other replicas", settings.displayName(), e);
      }
      log.info("Using the PostgreSQL database {} for credentials", settings.displayName());
      return store;
    } catch (RuntimeException e) {
      pool.close();
      throw e;
    }
  }

  @Override
  public List<CredentialMetadata> listMetadata() {
    return read("list credentials", StoreSql::listMetadata);
  }

  @Override
  public Optional<StoredCredential> find(String provider, CredentialKind kind) {
    return read("read the " + kind.column() + " credential of " + provider, c -> StoreSql.find(c, provider, kind));
  }

  @Override
  public void put(StoredCredential credential) {
    transaction(
        "store the credential of " + credential.metadata().provider(),
        c -> {
          StoreSql.upsert(c, credential);
          announce(c, CREDENTIALS);
          return null;
        });
  }

  @Override
  public boolean replaceIfUnchanged(StoredCredential credential, Instant expected) {
    return transaction(
        "replace the credential of " + credential.metadata().provider(),
        c -> {
          boolean replaced = StoreSql.replaceIfUnchanged(c, credential, expected);
          if (replaced) {
            announce(c, CREDENTIALS);
          }
          return replaced;
        });
  }

  @Override
  public int delete(String provider) {
    return transaction(
        "delete the credentials of " + provider,
        c -> {
          int deleted = StoreSql.delete(c, provider);
          if (deleted > 0) {
            announce(c, CREDENTIALS);
          }
          return deleted;
        });
  }

  @Override
  public boolean hasEncryptedData() {
    return read("count stored secrets", StoreSql::hasEncryptedData);
  }

  @Override
  public void insertFlow(PendingFlow flow) {
    transaction(
        "store a pending " + flow.provider() + " sign-in",
        c -> {
          StoreSql.insertFlow(c, flow);
          return null;
        });
  }

  @Override
  public Optional<PendingFlow> findFlow(String stateHash) {
    return read("read a pending sign-in", c -> StoreSql.findFlow(c, stateHash));
  }

  @Override
  public int countPendingFlows(String provider, Instant now) {
    return read("count pending sign-ins", c -> StoreSql.countPendingFlows(c, provider, now));
  }

  @Override
  public int deleteExpiredFlows(Instant now) {
    return transaction("delete expired sign-ins", c -> StoreSql.deleteExpiredFlows(c, now));
  }

  /**
   * Marks the flow completed and stores its credential in one transaction. The update of the flow
   * row takes its row lock, so when two replicas complete the same flow at once, the second waits
   * for the first to commit, then finds the flow no longer pending and writes nothing.
   */
  @Override
  public boolean completeFlow(String stateHash, String codeHash, StoredCredential credential) {
    return transaction(
        "store the tokens of a completed sign-in",
        c -> {
          if (!StoreSql.markFlowCompleted(c, stateHash, codeHash)) {
            return false;
          }
          StoreSql.upsert(c, credential);
          announce(c, CREDENTIALS);
          return true;
        });
  }

  @Override
  public void rejectFlow(String stateHash) {
    transaction(
        "mark a sign-in rejected",
        c -> {
          StoreSql.rejectFlow(c, stateHash);
          return null;
        });
  }

  @Override
  public Optional<StoredPreferences> loadPreferences() {
    return read("read the preferences", StoreSql::loadPreferences);
  }

  @Override
  public void savePreferences(StoredPreferences preferences) {
    transaction(
        "store the preferences",
        c -> {
          StoreSql.savePreferences(c, preferences);
          announce(c, PREFERENCES);
          return null;
        });
  }

  @Override
  public void append(AuditEvent event) {
    transaction(
        "record an audit event",
        c -> {
          StoreSql.append(c, event);
          return null;
        });
  }

  @Override
  public List<AuditEvent> listAudit(int limit) {
    return read("read the audit trail", c -> StoreSql.listAudit(c, limit));
  }

  @Override
  public Optional<byte[]> readMeta(String key) {
    return read("read store metadata", c -> StoreSql.readMeta(c, key));
  }

  @Override
  public void writeMeta(String key, byte[] value) {
    transaction(
        "write store metadata",
        c -> {
          StoreSql.writeMeta(c, key, value);
          return null;
        });
  }

  /**
   * Runs {@code work} while holding the provider's refresh lock in this process and in the
   * database. The database lock is a transaction-level advisory lock on a pooled connection that
   * stays open for the duration of {@code work}. PostgreSQL releases it at the rollback in the
   * finally block, or by itself when the connection dies. A nested call on the same thread runs
   * {@code work} directly, because the thread already has both locks.
   *
   * @throws StoreException (transient) when the database is unreachable, or when another replica
   *     held the lock for longer than {@link #REFRESH_LOCK_WAIT}
   */
  @Override
  public int rewriteSecrets(SecretRewriter rewriter) {
    return transaction("rewrite every ciphertext", connection -> StoreSql.rewriteSecrets(connection, rewriter));
  }

  @Override
  public <T> T withRefreshLock(String provider, Supplier<T> work) {
    ReentrantLock local = refreshLocks.computeIfAbsent(provider, p -> new ReentrantLock());
    local.lock();
    try {
      if (local.getHoldCount() > 1) {
        return work.get();
      }
      return withDatabaseLock(provider, work);
    } finally {
      local.unlock();
    }
  }

  private <T> T withDatabaseLock(String provider, Supplier<T> work) {
    Connection connection;
    try {
      connection = pool.getConnection();
    } catch (SQLException e) {
      throw PostgresErrors.wrap("lock the token refresh of " + provider, settings.displayName(), e);
    }
    try {
      acquireRefreshLock(connection, provider);
      return work.get();
    } finally {
      releaseRefreshLock(connection, provider);
    }
  }

  private void acquireRefreshLock(Connection connection, String provider) {
    try {
      connection.setAutoCommit(false);
      try (PreparedStatement timeout = connection.prepareStatement("SELECT set_config('lock_timeout', ?, true)")) {
        timeout.setString(1, REFRESH_LOCK_WAIT.toMillis() + "ms");
        timeout.execute();
      }
      try (PreparedStatement lock = connection.prepareStatement("SELECT pg_advisory_xact_lock(hashtext(?))")) {
        lock.setString(1, "mix-auth-refresh:" + provider);
        lock.execute();
      }
    } catch (SQLException e) {
      if ("55P03".equals(e.getSQLState())) {
        throw new StoreException(
            "Timed out after " + REFRESH_LOCK_WAIT.toSeconds() + " s waiting for another replica to finish"
                + " refreshing the " + provider + " token.",
            e,
            true);
      }
      throw PostgresErrors.wrap("lock the token refresh of " + provider, settings.displayName(), e);
    }
  }

  /**
   * Ends the lock's transaction. A failure here is only logged, because a connection that cannot
   * roll back is dead and PostgreSQL drops the lock together with the session.
   */
  private void releaseRefreshLock(Connection connection, String provider) {
    try (connection) {
      connection.rollback();
    } catch (SQLException e) {
      log.warn("Releasing the refresh lock of {} failed, so the database drops it with the session: {}", provider,
          e.getMessage());
    }
  }

  @Override
  public void onExternalChange(Runnable listener) {
    changes.add(listener);
  }

  @Override
  public void close() {
    changes.close();
    pool.close();
  }

  /** Sends the change notification, which PostgreSQL delivers only if the transaction commits. */
  private void announce(Connection connection, String topic) throws SQLException {
    try (PreparedStatement ps = connection.prepareStatement("SELECT pg_notify(?, ?)")) {
      ps.setString(1, ChangeListener.CHANNEL);
      ps.setString(2, ChangeListener.payload(origin, topic));
      ps.execute();
    }
  }

  private interface SqlWork<T> {
    T run(Connection connection) throws SQLException;
  }

  private <T> T read(String what, SqlWork<T> work) {
    try (Connection connection = pool.getConnection()) {
      return work.run(connection);
    } catch (SQLException e) {
      throw PostgresErrors.wrap(what, settings.displayName(), e);
    }
  }

  /**
   * Runs {@code work} in one transaction and commits it. Any failure rolls everything back.
   *
   * <p>NOTE: when the connection drops during the commit itself, this process cannot learn whether
   * the server committed. The request then fails with a transient error although the write may be
   * stored. Credential and preference writes are upserts or conditional updates, so the client's
   * retry settles them.
   */
  private <T> T transaction(String what, SqlWork<T> work) {
    try (Connection connection = pool.getConnection()) {
      connection.setAutoCommit(false);
      try {
        T result = work.run(connection);
        connection.commit();
        return result;
      } catch (SQLException | RuntimeException e) {
        rollbackQuietly(connection, e);
        throw e;
      }
    } catch (SQLException e) {
      throw PostgresErrors.wrap(what, settings.displayName(), e);
    }
  }

  private static void rollbackQuietly(Connection connection, Exception cause) {
    try {
      connection.rollback();
    } catch (SQLException e) {
      cause.addSuppressed(e);
    }
  }
}
