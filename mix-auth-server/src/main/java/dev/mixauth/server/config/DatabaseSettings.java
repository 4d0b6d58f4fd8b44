package dev.mixauth.server.config;

import dev.mixauth.server.vault.Secret;
import java.util.Objects;
import java.util.Optional;

/**
 * The PostgreSQL database that replicas share in team mode.
 *
 * @param jdbcUrl a {@code jdbc:postgresql:} URL, which may carry {@code user} and {@code password}
 *     parameters itself
 * @param user the database user, when not given in the URL
 * @param password the database password, when not given in the URL
 */
public record DatabaseSettings(String jdbcUrl, Optional<String> user, Optional<Secret> password) {
  static final String URL_PREFIX = "jdbc:postgresql:";

  public DatabaseSettings {
    Objects.requireNonNull(jdbcUrl, "jdbcUrl");
    Objects.requireNonNull(user, "user");
    Objects.requireNonNull(password, "password");
  }

  /** Reads {@code MIX_AUTH_DATABASE_URL} with its user and password, or returns empty when the URL is unset. */
  static Optional<DatabaseSettings> fromEnvironment(Settings settings) {
    Optional<String> url = settings.string("MIX_AUTH_DATABASE_URL");
    if (url.isEmpty()) {
      return Optional.empty();
    }
    if (!url.get().startsWith(URL_PREFIX)) {
      throw new ConfigException(
          "MIX_AUTH_DATABASE_URL must be a PostgreSQL JDBC URL such as"
              + " jdbc:postgresql://db.example.com:5432/mixauth, got a value that does not start with "
              + URL_PREFIX + ".");
    }
    return Optional.of(
        new DatabaseSettings(
            url.get(),
            settings.string("MIX_AUTH_DATABASE_USER"),
            settings.string("MIX_AUTH_DATABASE_PASSWORD").map(Secret::of)));
  }

  /**
   * Returns the host, port and database of the URL without its parameters, which may hold a
   * password, for log lines and error messages.
   */
  public String displayName() {
    String rest = jdbcUrl.substring(URL_PREFIX.length());
    int query = rest.indexOf('?');
    String target = query < 0 ? rest : rest.substring(0, query);
    return target.startsWith("//") ? target.substring(2) : target;
  }

  @Override
  public String toString() {
    return "DatabaseSettings[" + displayName() + ", user " + user.orElse("from the URL") + "]";
  }
}
