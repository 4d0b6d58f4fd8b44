package dev.mixauth.server.audit;

import dev.mixauth.server.vault.AuditEvent;
import dev.mixauth.server.vault.CredentialStore;
import dev.mixauth.server.vault.StoreException;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Records credential changes and rejected requests in the store's audit trail and in the log.
 * Callers pass hints, never secrets. A failure to record is logged and does not fail the request
 * that caused it, because the change itself is already durable.
 */
public final class AuditLog {
  private static final Logger log = LoggerFactory.getLogger(AuditLog.class);

  private final CredentialStore store;
  private final Clock clock;

  public AuditLog(CredentialStore store, Clock clock) {
    this.store = store;
    this.clock = clock;
  }

  /**
   * Records one event.
   *
   * @param operation such as {@code store_api_key}, {@code delete}, {@code login}
   * @param outcome such as {@code success}, {@code rejected}, {@code failed}
   * @param client the client address
   * @param detail a short sentence without secrets, or null
   */
  public void record(String operation, String provider, String outcome, String client, String detail) {
    log.info("audit: {} {} {} from {}{}", operation, provider == null ? "-" : provider, outcome, client,
        detail == null ? "" : " (" + detail + ")");
    try {
      store.append(new AuditEvent(clock.instant(), operation, provider, outcome, client, detail));
    } catch (StoreException e) {
      log.error("Could not record the audit event {} for {}: {}", operation, provider, e.getMessage());
    }
  }
}
