package dev.mixauth.server.oauth;

import dev.mixauth.server.auth.Caller;
import dev.mixauth.server.auth.CredentialIndex;
import dev.mixauth.server.vault.CredentialKind;
import dev.mixauth.server.vault.CredentialMetadata;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Checks every OAuth credential at a fixed interval and refreshes the ones that are due. */
public final class RefreshScheduler implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(RefreshScheduler.class);

  private final CredentialIndex index;
  private final TokenRefresher refresher;
  private final Clock clock;
  private ScheduledExecutorService executor;

  public RefreshScheduler(CredentialIndex index, TokenRefresher refresher, Clock clock) {
    this.index = index;
    this.refresher = refresher;
    this.clock = clock;
  }

  /** Starts checking every {@code interval} on a daemon thread. */
  public synchronized void start(Duration interval) {
    executor = Executors.newSingleThreadScheduledExecutor(runnable -> {
      Thread thread = new Thread(runnable, "mix-auth-refresh");
      thread.setDaemon(true);
      return thread;
    });
    executor.scheduleWithFixedDelay(this::runSafely, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
    log.info("Checking OAuth tokens for refresh every {} s", interval.toSeconds());
  }

  /** Refreshes every credential that is due now and returns the outcomes. */
  public List<RefreshOutcome> refreshDue(Caller caller) {
    Instant now = clock.instant();
    List<RefreshOutcome> outcomes = new ArrayList<>();
    for (CredentialMetadata credential : index.all()) {
      if (credential.kind() == CredentialKind.OAUTH && RefreshPolicy.isDue(credential, now)) {
        outcomes.add(refresher.refresh(credential.provider(), true, caller));
      }
    }
    return outcomes;
  }

  private void runSafely() {
    try {
      refreshDue(Caller.INTERNAL);
    } catch (RuntimeException e) {
      log.error("The scheduled token refresh failed: {}", e.getMessage(), e);
    }
  }

  @Override
  public synchronized void close() {
    if (executor != null) {
      executor.shutdownNow();
    }
  }
}
