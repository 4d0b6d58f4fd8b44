package dev.mixauth.server.cli;

import dev.mixauth.server.config.ConfigException;
import dev.mixauth.server.config.ServerConfig;
import dev.mixauth.server.store.StoreFactory;
import dev.mixauth.server.vault.AuditEvent;
import dev.mixauth.server.vault.CredentialStore;
import dev.mixauth.server.vault.StoreException;
import java.nio.file.Path;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code mix-auth audit}: prints the audit trail of the store, newest first. */
@Command(
    name = "audit",
    mixinStandardHelpOptions = true,
    description = {
      "Prints the audit trail, newest first.",
      "",
      "Each credential change and each rejected request is listed with",
      "time, operation, provider, outcome, client address and detail",
      "(input rejections up to 30 a minute per client). It holds no",
      "secrets. The store is read directly, so this works while the",
      "server runs.",
      "",
      "Exit codes: 0 printed, 1 the store could not be read, 2 usage error."
    })
final class AuditCommand implements Callable<Integer> {

  @Option(names = "--data-dir", description = "Folder of the store (default: as for serve).")
  private Path dataDir;

  @Option(names = "--limit", defaultValue = "100", description = "Maximum number of events to print (default: ${DEFAULT-VALUE}).")
  private int limit;

  @Override
  public Integer call() {
    if (limit < 1) {
      System.err.println("mix-auth: --limit must be at least 1, got " + limit + ".");
      return 2;
    }
    try {
      ServerConfig config = ServerConfig.fromEnvironment(System.getenv());
      if (dataDir != null) {
        config = config.withDataDir(dataDir);
      }
      try (CredentialStore store = StoreFactory.open(config)) {
        List<AuditEvent> events = store.listAudit(limit);
        System.out.printf("%-20s  %-18s  %-10s  %-18s  %-15s  %s%n", "TIME", "OPERATION", "PROVIDER", "OUTCOME",
            "CLIENT", "DETAIL");
        for (AuditEvent event : events) {
          System.out.printf("%-20s  %-18s  %-10s  %-18s  %-15s  %s%n", event.at().truncatedTo(ChronoUnit.SECONDS),
              event.operation(), dash(event.provider()), event.outcome(), dash(event.client()), dash(event.detail()));
        }
        return 0;
      }
    } catch (ConfigException | StoreException e) {
      System.err.println("mix-auth: " + e.getMessage());
      return 1;
    }
  }

  private static String dash(String value) {
    return value == null ? "-" : value;
  }
}
