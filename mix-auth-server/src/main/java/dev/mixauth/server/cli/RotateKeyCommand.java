package dev.mixauth.server.cli;

import com.google.crypto.tink.KeysetHandle;
import dev.mixauth.server.audit.AuditLog;
import dev.mixauth.server.config.ConfigException;
import dev.mixauth.server.config.ServerConfig;
import dev.mixauth.server.store.StoreFactory;
import dev.mixauth.server.vault.CredentialStore;
import dev.mixauth.server.vault.KeyRotation;
import dev.mixauth.server.vault.KeysetSource;
import dev.mixauth.server.vault.StoreException;
import dev.mixauth.server.vault.VaultException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code mix-auth rotate-key}: adds a new primary key and re-encrypts every stored secret with it. */
@Command(
    name = "rotate-key",
    mixinStandardHelpOptions = true,
    description = {
      "Re-encrypts every stored secret with a new primary key.",
      "",
      "Adds a new AES-256-GCM key to the keyset as primary and re-encrypts",
      "every secret with it in one transaction. Old ciphertext keeps",
      "decrypting until the rotation finishes.",
      "",
      "Stop the servers of this store first and start them afterwards: a",
      "running server keeps the old keyset and cannot decrypt the new.",
      "With a key file, the file is replaced by the rotated keyset. With",
      "MIX_AUTH_MASTER_KEY, the rotated keyset is written to --output; set",
      "MIX_AUTH_MASTER_KEY to its contents.",
      "",
      "Exit codes: 0 rotated, 1 failed (nothing re-encrypted), 2 usage error."
    })
final class RotateKeyCommand implements Callable<Integer> {

  @Option(names = "--data-dir", description = "Folder of the store and key file (default: as for serve).")
  private Path dataDir;

  @Option(names = "--output", description = "File for the rotated keyset when MIX_AUTH_MASTER_KEY is set;"
      + " created with mode 0600, never overwritten.")
  private Path output;

  @Override
  public Integer call() {
    try {
      ServerConfig config = ServerConfig.fromEnvironment(System.getenv());
      if (dataDir != null) {
        config = config.withDataDir(dataDir);
      }
      Path target = target(config);
      try (CredentialStore store = StoreFactory.open(config)) {
        KeysetHandle current = KeyRotation.load(config.masterKey(), config.dataDir().resolve(KeysetSource.KEY_FILE_NAME));
        KeyRotation.Result result = KeyRotation.rotate(store, current, target);
        new AuditLog(store, Clock.systemUTC()).record("rotate_key", null, "success", "command line",
            result.rewritten() + " secrets re-encrypted, " + result.keys() + " keys in the keyset");
        System.out.println("Re-encrypted " + result.rewritten() + " stored secrets with a new primary key; the keyset"
            + " now holds " + result.keys() + " keys and is saved in " + result.savedTo() + ".");
        if (config.masterKey().isPresent()) {
          System.out.println("Set MIX_AUTH_MASTER_KEY to the contents of " + result.savedTo()
              + " for every server of this store, then start them.");
        }
        return 0;
      }
    } catch (ConfigException | VaultException | StoreException e) {
      System.err.println("mix-auth: " + e.getMessage());
      return 1;
    }
  }

  private Path target(ServerConfig config) {
    if (config.masterKey().isEmpty()) {
      return config.dataDir().resolve(KeysetSource.KEY_FILE_NAME);
    }
    if (output == null) {
      throw new ConfigException("The keyset comes from MIX_AUTH_MASTER_KEY, which this command cannot change;"
          + " name a new file for the rotated keyset with --output FILE.");
    }
    if (Files.exists(output)) {
      throw new ConfigException(output + " already exists; name a new file with --output, so no keyset is"
          + " overwritten.");
    }
    return output;
  }
}
