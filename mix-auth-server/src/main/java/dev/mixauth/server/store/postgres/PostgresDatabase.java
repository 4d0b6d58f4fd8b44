package dev.mixauth.server.store.postgres;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.pool.HikariPool;
import dev.mixauth.server.config.DatabaseSettings;
import dev.mixauth.server.vault.StoreException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Properties;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.output.MigrateResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Opens connections to the team database and brings its schema up to date. */
final class PostgresDatabase {
  /**
   * How long a request waits for a connection before it fails with a 503. Short, because a client
   * retries on its own and a hanging request helps no one.
   */
  static final Duration CONNECTION_TIMEOUT = Duration.ofSeconds(3);

  /** How long one statement may wait for the server's response before the connection counts as lost. */
  static final Duration SOCKET_TIMEOUT = Duration.ofSeconds(30);

  static final String MIGRATIONS = "classpath:dev/mixauth/server/store/postgres/migration";

  private static final Logger log = LoggerFactory.getLogger(PostgresDatabase.class);
  private static final int MAX_POOL_SIZE = 10;
  private static final int MIN_IDLE = 2;

  private PostgresDatabase() {}

  /**
   * Opens the connection pool, waiting at most {@link #CONNECTION_TIMEOUT} for the first
   * connection.
   *
   * @throws StoreException when the database cannot be reached or refuses the login
   */
  static HikariDataSource openPool(DatabaseSettings settings) {
    HikariConfig config = new HikariConfig();
    config.setPoolName("mix-auth-postgres");
    config.setDriverClassName("org.postgresql.Driver");
    config.setJdbcUrl(settings.jdbcUrl());
    settings.user().ifPresent(config::setUsername);
    settings.password().ifPresent(password -> config.setPassword(password.reveal()));
    config.setDataSourceProperties(driverDefaults());
    config.setMaximumPoolSize(MAX_POOL_SIZE);
    config.setMinimumIdle(MIN_IDLE);
    config.setConnectionTimeout(CONNECTION_TIMEOUT.toMillis());
    config.setValidationTimeout(Duration.ofSeconds(1).toMillis());
    config.setInitializationFailTimeout(CONNECTION_TIMEOUT.toMillis());
    try {
      return new HikariDataSource(config);
    } catch (HikariPool.PoolInitializationException e) {
      throw new StoreException(
          "Cannot connect to the PostgreSQL database " + settings.displayName() + ": " + causeMessage(e)
              + ". Check MIX_AUTH_DATABASE_URL, MIX_AUTH_DATABASE_USER and MIX_AUTH_DATABASE_PASSWORD, and that"
              + " the database accepts connections from this host.",
          e,
          PostgresErrors.isTransient(e));
    }
  }

  /**
   * Applies the pending migrations. Flyway holds a PostgreSQL advisory lock while it migrates, so
   * replicas that start at the same time apply each migration once, and the later ones wait.
   */
  static void migrate(DataSource dataSource, DatabaseSettings settings) {
    try {
      MigrateResult result =
          Flyway.configure(PostgresDatabase.class.getClassLoader())
              .dataSource(dataSource)
              .locations(MIGRATIONS)
              .failOnMissingLocations(true)
              .load()
              .migrate();
      if (result.migrationsExecuted > 0) {
        log.info("Migrated the PostgreSQL database {} to schema version {}", settings.displayName(),
            result.targetSchemaVersion);
      }
    } catch (FlywayException e) {
      throw new StoreException(
          "Could not create or migrate the tables in the PostgreSQL database " + settings.displayName() + ": "
              + e.getMessage(),
          e,
          PostgresErrors.isTransient(e));
    }
  }

  /** Opens a connection outside the pool, for a session that must stay put, such as LISTEN. */
  static Connection connectDirectly(DatabaseSettings settings) throws SQLException {
    Properties properties = driverDefaults();
    settings.user().ifPresent(user -> properties.setProperty("user", user));
    settings.password().ifPresent(password -> properties.setProperty("password", password.reveal()));
    return DriverManager.getConnection(settings.jdbcUrl(), properties);
  }

  /**
   * Driver settings that keep a lost database from hanging a request. Parameters given in the JDBC
   * URL take precedence over these in the PostgreSQL driver.
   */
  private static Properties driverDefaults() {
    Properties properties = new Properties();
    properties.setProperty("connectTimeout", Long.toString(CONNECTION_TIMEOUT.toSeconds()));
    properties.setProperty("socketTimeout", Long.toString(SOCKET_TIMEOUT.toSeconds()));
    properties.setProperty("tcpKeepAlive", "true");
    properties.setProperty("ApplicationName", "mix-auth");
    return properties;
  }

  private static String causeMessage(Throwable e) {
    Throwable cause = e.getCause() != null ? e.getCause() : e;
    return cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
  }
}
