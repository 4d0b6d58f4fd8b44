package dev.mixauth.server.store;

import dev.mixauth.server.store.sqlite.SqliteCredentialStore;
import dev.mixauth.server.vault.CredentialStore;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import org.junit.jupiter.api.io.TempDir;

class SqliteCredentialStoreTest extends CredentialStoreContract {
  @TempDir Path dataDir;

  @Override
  protected CredentialStore openEmptyStore() {
    return SqliteCredentialStore.open(dataDir);
  }

  @Override
  protected void executeBehindStore(String sql) throws Exception {
    try (Connection connection =
            DriverManager.getConnection("jdbc:sqlite:" + dataDir.resolve(SqliteCredentialStore.FILE_NAME));
        Statement statement = connection.createStatement()) {
      statement.execute(sql);
    }
  }
}
