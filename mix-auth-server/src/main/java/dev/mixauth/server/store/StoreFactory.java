package dev.mixauth.server.store;

import dev.mixauth.server.config.ServerConfig;
import dev.mixauth.server.store.postgres.PostgresCredentialStore;
import dev.mixauth.server.store.sqlite.SqliteCredentialStore;
import dev.mixauth.server.vault.CredentialStore;

/** Opens the store that the configuration selects. */
public final class StoreFactory {
  private StoreFactory() {}

  /**
   * Opens the shared PostgreSQL database when {@code MIX_AUTH_DATABASE_URL} is set (team mode),
   * otherwise the SQLite file in the data folder.
   */
  public static CredentialStore open(ServerConfig config) {
    if (config.database().isPresent()) {
      return PostgresCredentialStore.open(config.database().get());
    }
    return SqliteCredentialStore.open(config.dataDir());
  }
}
