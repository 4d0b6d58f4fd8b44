package dev.mixauth.server.store;

import dev.mixauth.server.vault.AuditEvent;
import dev.mixauth.server.vault.CredentialKind;
import dev.mixauth.server.vault.CredentialMetadata;
import dev.mixauth.server.vault.CredentialState;
import dev.mixauth.server.vault.PendingFlow;
import dev.mixauth.server.vault.SecretRewriter;
import dev.mixauth.server.vault.StoredCredential;
import dev.mixauth.server.vault.StoredPreferences;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The statements of the credential store, shared by the SQLite and PostgreSQL back ends, because
 * both keep the same tables, store times as epoch milliseconds and accept the same SQL, including
 * {@code INSERT ... ON CONFLICT ... DO UPDATE}. Each method runs on the connection it is given and
 * leaves transactions, locking and error translation to the caller.
 */
public final class StoreSql {
  private static final String METADATA_COLUMNS =
      "provider, kind, key_hint, expires_at, refresh_secret IS NOT NULL, state, last_refresh, last_error,"
          + " created_at, updated_at";

  private StoreSql() {}

  public static List<CredentialMetadata> listMetadata(Connection connection) throws SQLException {
    List<CredentialMetadata> result = new ArrayList<>();
    try (PreparedStatement ps =
            connection.prepareStatement(
                "SELECT " + METADATA_COLUMNS + " FROM credentials ORDER BY provider, kind");
        ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        result.add(metadata(rs));
      }
    }
    return result;
  }

  public static Optional<StoredCredential> find(Connection connection, String provider, CredentialKind kind)
      throws SQLException {
    try (PreparedStatement ps =
        connection.prepareStatement(
            "SELECT " + METADATA_COLUMNS + ", secret, refresh_secret FROM credentials WHERE provider = ? AND kind = ?")) {
      ps.setString(1, provider);
      ps.setString(2, kind.column());
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next()) {
          return Optional.empty();
        }
        return Optional.of(new StoredCredential(metadata(rs), rs.getBytes(11), rs.getBytes(12)));
      }
    }
  }

  /** Inserts the credential, or replaces every column but {@code created_at} of an existing one. */
  public static void upsert(Connection connection, StoredCredential credential) throws SQLException {
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

  /** Returns whether the row existed with {@code updated_at} equal to {@code expected} and was replaced. */
  public static boolean replaceIfUnchanged(Connection connection, StoredCredential credential, Instant expected)
      throws SQLException {
    CredentialMetadata m = credential.metadata();
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
  }

  public static int delete(Connection connection, String provider) throws SQLException {
    try (PreparedStatement ps = connection.prepareStatement("DELETE FROM credentials WHERE provider = ?")) {
      ps.setString(1, provider);
      return ps.executeUpdate();
    }
  }

  public static boolean hasEncryptedData(Connection connection) throws SQLException {
    try (PreparedStatement ps =
            connection.prepareStatement(
                "SELECT (SELECT COUNT(*) FROM credentials) + (SELECT COUNT(*) FROM oauth_flows)"
                    + " + (SELECT COUNT(*) FROM store_meta)");
        ResultSet rs = ps.executeQuery()) {
      return rs.next() && rs.getLong(1) > 0;
    }
  }

  public static void insertFlow(Connection connection, PendingFlow flow) throws SQLException {
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
  }

  public static Optional<PendingFlow> findFlow(Connection connection, String stateHash) throws SQLException {
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
  }

  public static int countPendingFlows(Connection connection, String provider, Instant now) throws SQLException {
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
  }

  public static int deleteExpiredFlows(Connection connection, Instant now) throws SQLException {
    try (PreparedStatement ps = connection.prepareStatement("DELETE FROM oauth_flows WHERE expires_at <= ?")) {
      setInstant(ps, 1, now);
      return ps.executeUpdate();
    }
  }

  /**
   * Marks a pending flow completed with the hash of its code. Run it in the transaction that
   * stores the flow's credential.
   *
   * @return false when the flow was no longer pending, so the caller must store nothing
   */
  public static boolean markFlowCompleted(Connection connection, String stateHash, String codeHash)
      throws SQLException {
    try (PreparedStatement ps =
        connection.prepareStatement(
            "UPDATE oauth_flows SET status = ?, code_hash = ? WHERE state_hash = ? AND status = ?")) {
      ps.setString(1, PendingFlow.COMPLETED);
      ps.setString(2, codeHash);
      ps.setString(3, stateHash);
      ps.setString(4, PendingFlow.PENDING);
      return ps.executeUpdate() == 1;
    }
  }

  public static void rejectFlow(Connection connection, String stateHash) throws SQLException {
    try (PreparedStatement ps =
        connection.prepareStatement("UPDATE oauth_flows SET status = ? WHERE state_hash = ? AND status = ?")) {
      ps.setString(1, PendingFlow.REJECTED);
      ps.setString(2, stateHash);
      ps.setString(3, PendingFlow.PENDING);
      ps.executeUpdate();
    }
  }

  public static Optional<StoredPreferences> loadPreferences(Connection connection) throws SQLException {
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
  }

  public static void savePreferences(Connection connection, StoredPreferences p) throws SQLException {
    try (PreparedStatement ps =
        connection.prepareStatement(
            "INSERT INTO preferences (id, preferred_provider, main_agent_model,"
                + " main_agent_max_tokens, main_agent_reasoning_effort, sub_agent_model,"
                + " sub_agent_max_tokens, sub_agent_reasoning_effort, created_at, updated_at)"
                + " VALUES (1, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
                + " ON CONFLICT (id) DO UPDATE SET preferred_provider = excluded.preferred_provider,"
                + " main_agent_model = excluded.main_agent_model,"
                + " main_agent_max_tokens = excluded.main_agent_max_tokens,"
                + " main_agent_reasoning_effort = excluded.main_agent_reasoning_effort,"
                + " sub_agent_model = excluded.sub_agent_model,"
                + " sub_agent_max_tokens = excluded.sub_agent_max_tokens,"
                + " sub_agent_reasoning_effort = excluded.sub_agent_reasoning_effort,"
                + " created_at = excluded.created_at, updated_at = excluded.updated_at")) {
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
  }

  public static void append(Connection connection, AuditEvent event) throws SQLException {
    try (PreparedStatement ps =
        connection.prepareStatement(
            "INSERT INTO audit_events (at, operation, provider, outcome, client, detail) VALUES (?, ?, ?, ?, ?, ?)")) {
      setInstant(ps, 1, event.at());
      ps.setString(2, event.operation());
      ps.setString(3, event.provider());
      ps.setString(4, event.outcome());
      ps.setString(5, event.client());
      ps.setString(6, event.detail());
      ps.executeUpdate();
    }
  }

  /** Returns the newest events first, in the order they were appended. */
  public static List<AuditEvent> listAudit(Connection connection, int limit) throws SQLException {
    List<AuditEvent> events = new ArrayList<>();
    try (PreparedStatement ps =
        connection.prepareStatement(
            "SELECT at, operation, provider, outcome, client, detail FROM audit_events ORDER BY id DESC LIMIT ?")) {
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
  }

  public static Optional<byte[]> readMeta(Connection connection, String key) throws SQLException {
    try (PreparedStatement ps = connection.prepareStatement("SELECT value FROM store_meta WHERE key = ?")) {
      ps.setString(1, key);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? Optional.of(rs.getBytes(1)) : Optional.empty();
      }
    }
  }

  public static void writeMeta(Connection connection, String key, byte[] value) throws SQLException {
    try (PreparedStatement ps =
        connection.prepareStatement(
            "INSERT INTO store_meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value")) {
      ps.setString(1, key);
      ps.setBytes(2, value);
      ps.executeUpdate();
    }
  }

  /** Rewrites every ciphertext with the rewriter; the caller provides the transaction. */
  public static int rewriteSecrets(Connection connection, SecretRewriter rewriter) throws SQLException {
    int rewritten = 0;
    try (PreparedStatement select =
            connection.prepareStatement("SELECT provider, kind, secret, refresh_secret FROM credentials");
        PreparedStatement update =
            connection.prepareStatement(
                "UPDATE credentials SET secret = ?, refresh_secret = ? WHERE provider = ? AND kind = ?");
        ResultSet rs = select.executeQuery()) {
      while (rs.next()) {
        String provider = rs.getString(1);
        CredentialKind kind = CredentialKind.fromColumn(rs.getString(2));
        byte[] refresh = rs.getBytes(4);
        update.setBytes(1, rewriter.credentialSecret(provider, kind, rs.getBytes(3)));
        update.setBytes(2, refresh == null ? null : rewriter.credentialRefresh(provider, refresh));
        update.setString(3, provider);
        update.setString(4, kind.column());
        update.executeUpdate();
        rewritten += refresh == null ? 1 : 2;
      }
    }
    try (PreparedStatement select = connection.prepareStatement("SELECT state_hash, verifier FROM oauth_flows");
        PreparedStatement update = connection.prepareStatement("UPDATE oauth_flows SET verifier = ? WHERE state_hash = ?");
        ResultSet rs = select.executeQuery()) {
      while (rs.next()) {
        update.setBytes(1, rewriter.flowVerifier(rs.getString(1), rs.getBytes(2)));
        update.setString(2, rs.getString(1));
        update.executeUpdate();
        rewritten++;
      }
    }
    try (PreparedStatement select = connection.prepareStatement("SELECT key, value FROM store_meta");
        PreparedStatement update = connection.prepareStatement("UPDATE store_meta SET value = ? WHERE key = ?");
        ResultSet rs = select.executeQuery()) {
      while (rs.next()) {
        update.setBytes(1, rewriter.meta(rs.getString(1), rs.getBytes(2)));
        update.setString(2, rs.getString(1));
        update.executeUpdate();
        rewritten++;
      }
    }
    return rewritten;
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

  /** Binds an instant as epoch milliseconds, the unit of every time column, or SQL NULL. */
  private static void setInstant(PreparedStatement ps, int index, Instant value) throws SQLException {
    if (value == null) {
      ps.setNull(index, Types.BIGINT);
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
