package dev.mixauth.server.oauth;

import dev.mixauth.server.audit.AuditLog;
import dev.mixauth.server.auth.Caller;
import dev.mixauth.server.auth.CredentialIndex;
import dev.mixauth.server.config.OAuthSettings;
import dev.mixauth.server.oauth.RefreshOutcome.Kind;
import dev.mixauth.server.vault.CredentialKind;
import dev.mixauth.server.vault.CredentialMetadata;
import dev.mixauth.server.vault.CredentialState;
import dev.mixauth.server.vault.CredentialVault;
import dev.mixauth.server.vault.OAuthTokens;
import dev.mixauth.server.vault.StoredCredential;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Refreshes OAuth access tokens with their refresh tokens. One refresh per provider runs at a
 * time: concurrent callers in this process wait for the refresh in flight and share its outcome,
 * and the store's refresh lock keeps other processes out. Because refresh tokens rotate, the
 * credential is re-read under the lock before anything is sent.
 */
public final class TokenRefresher {
  static final Duration FIRST_RETRY = Duration.ofMinutes(1);
  static final Duration MAX_RETRY = Duration.ofMinutes(30);

  private static final Logger log = LoggerFactory.getLogger(TokenRefresher.class);

  private final Function<String, Optional<OAuthSettings>> settings;
  private final CredentialVault vault;
  private final CredentialIndex index;
  private final TokenEndpoint tokens;
  private final AuditLog audit;
  private final Clock clock;
  private final Map<String, CompletableFuture<RefreshOutcome>> inFlight = new ConcurrentHashMap<>();
  private final Map<String, Backoff> backoffs = new ConcurrentHashMap<>();

  /** When the next attempt after failures may run, and how many failed in a row. */
  private record Backoff(int failures, Instant notBefore) {}

  public TokenRefresher(
      Function<String, Optional<OAuthSettings>> settings,
      CredentialVault vault,
      CredentialIndex index,
      TokenEndpoint tokens,
      AuditLog audit,
      Clock clock) {
    this.settings = settings;
    this.vault = vault;
    this.index = index;
    this.tokens = tokens;
    this.audit = audit;
    this.clock = clock;
  }

  /**
   * Refreshes a provider's token if it is due, or unconditionally when {@code onlyIfDue} is false.
   * Returns at once with {@link Kind#RETRY_LATER} while a previous failure's backoff lasts.
   */
  public RefreshOutcome refresh(String provider, boolean onlyIfDue, Caller caller) {
    CompletableFuture<RefreshOutcome> mine = new CompletableFuture<>();
    CompletableFuture<RefreshOutcome> running = inFlight.putIfAbsent(provider, mine);
    if (running != null) {
      return await(running);
    }
    try {
      RefreshOutcome outcome = vault.store().withRefreshLock(provider, () -> refreshLocked(provider, onlyIfDue, caller));
      mine.complete(outcome);
      return outcome;
    } catch (RuntimeException e) {
      mine.completeExceptionally(e);
      throw e;
    } finally {
      inFlight.remove(provider, mine);
    }
  }

  /** Returns when the next attempt may run after failures, if a backoff is in force. */
  public Optional<Instant> retryAt(String provider) {
    return Optional.ofNullable(backoffs.get(provider)).map(Backoff::notBefore);
  }

  private static RefreshOutcome await(CompletableFuture<RefreshOutcome> running) {
    try {
      return running.join();
    } catch (CompletionException e) {
      if (e.getCause() instanceof RuntimeException cause) {
        throw cause;
      }
      throw e;
    }
  }

  private RefreshOutcome refreshLocked(String provider, boolean onlyIfDue, Caller caller) {
    Instant now = clock.instant();
    Optional<StoredCredential> stored = vault.store().find(provider, CredentialKind.OAUTH);
    if (stored.isEmpty()) {
      return new RefreshOutcome(provider, Kind.NOT_REFRESHABLE, "no OAuth credential is stored", null);
    }
    StoredCredential current = stored.get();
    CredentialMetadata meta = current.metadata();
    if (!meta.hasRefreshToken()) {
      return new RefreshOutcome(provider, Kind.NOT_REFRESHABLE, "the provider issued no refresh token", meta.expiresAt());
    }
    if (meta.state() == CredentialState.EXPIRED_NO_REFRESH) {
      return new RefreshOutcome(provider, Kind.REJECTED, "the refresh token was rejected; sign in again", meta.expiresAt());
    }
    if (onlyIfDue && !RefreshPolicy.isDue(meta, now)) {
      index.reload();
      return new RefreshOutcome(provider, Kind.ALREADY_FRESH, "the access token is not due for refresh", meta.expiresAt());
    }
    Backoff backoff = backoffs.get(provider);
    if (backoff != null && now.isBefore(backoff.notBefore())) {
      return new RefreshOutcome(provider, Kind.RETRY_LATER, "waiting until " + backoff.notBefore()
          + " after " + backoff.failures() + " failed attempts: " + meta.lastError(), meta.expiresAt());
    }

    OAuthSettings oauth = settings.apply(provider).orElseThrow();
    OAuthTokens old = vault.openOAuth(current);
    TokenResult result;
    try {
      result = tokens.refresh(oauth, old.refreshToken());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new RefreshOutcome(provider, Kind.RETRY_LATER, "the refresh was interrupted", meta.expiresAt());
    }

    RefreshOutcome outcome;
    if (result instanceof TokenResult.Issued issued) {
      outcome = stored(provider, current, old, issued, now, caller);
    } else if (result instanceof TokenResult.Refused refused) {
      outcome = rejected(provider, current, refused, now, caller);
    } else {
      outcome = failed(provider, current, (TokenResult.Unavailable) result, now, caller);
    }
    index.reload();
    return outcome;
  }

  private RefreshOutcome stored(
      String provider, StoredCredential current, OAuthTokens old, TokenResult.Issued issued, Instant now, Caller caller) {
    CredentialMetadata meta = current.metadata();
    Instant expiresAt = issued.expiresIn() == null ? null : now.plus(issued.expiresIn());
    OAuthTokens next =
        new OAuthTokens(issued.accessToken(), issued.refreshToken() != null ? issued.refreshToken() : old.refreshToken(), expiresAt);
    StoredCredential row = vault.sealOAuth(provider, next, meta.createdAt(), now, now);
    backoffs.remove(provider);
    if (!vault.store().replaceIfUnchanged(row, meta.updatedAt())) {
      // NOTE: the tokens just issued are dropped here. This happens only when a write bypassed the
      // refresh lock, such as a new sign-in completing during the refresh.
      log.warn("The {} credential changed during its refresh; keeping the newer stored value", provider);
      return new RefreshOutcome(provider, Kind.ALREADY_FRESH, "the credential changed during the refresh", meta.expiresAt());
    }
    audit.record("refresh", provider, "success", caller.address(), issued.accessToken().hint()
        + (issued.refreshToken() == null ? ", refresh token kept" : ", refresh token rotated"));
    log.info("Refreshed the {} access token {}; it expires {}", provider, issued.accessToken().hint(), expiresAt);
    return new RefreshOutcome(provider, Kind.REFRESHED, "refreshed", expiresAt);
  }

  private RefreshOutcome rejected(
      String provider, StoredCredential current, TokenResult.Refused refused, Instant now, Caller caller) {
    Optional<StoredCredential> reread = vault.store().find(provider, CredentialKind.OAUTH);
    if (reread.isPresent() && !Arrays.equals(reread.get().refreshSecret(), current.refreshSecret())) {
      log.info("The {} refresh token was rotated by another process; using its result", provider);
      return new RefreshOutcome(provider, Kind.ALREADY_FRESH, "another process refreshed it", reread.get().metadata().expiresAt());
    }
    CredentialMetadata meta = current.metadata();
    boolean accessExpired = meta.expiresAt() == null || !now.isBefore(meta.expiresAt());
    String error = "the provider rejected the refresh token (" + refused.error() + "); sign in again"
        + (accessExpired ? "" : " before the access token expires at " + meta.expiresAt());
    CredentialState state = accessExpired ? CredentialState.EXPIRED_NO_REFRESH : CredentialState.ACTIVE;
    writeMetadata(current, state, error, now);
    backoffs.remove(provider);
    audit.record("refresh", provider, "rejected", caller.address(), refused.error());
    log.warn("Refreshing the {} token failed: {}", provider, error);
    return new RefreshOutcome(provider, Kind.REJECTED, error, meta.expiresAt());
  }

  private RefreshOutcome failed(
      String provider, StoredCredential current, TokenResult.Unavailable unavailable, Instant now, Caller caller) {
    int failures = Optional.ofNullable(backoffs.get(provider)).map(Backoff::failures).orElse(0) + 1;
    Duration wait = backoffDelay(failures);
    if (unavailable.retryAfter() != null && unavailable.retryAfter().compareTo(wait) > 0) {
      wait = unavailable.retryAfter();
    }
    Instant retryAt = now.plus(wait);
    backoffs.put(provider, new Backoff(failures, retryAt));
    String error = "refresh failed: the token endpoint " + unavailable.reason() + "; retrying after " + retryAt;
    writeMetadata(current, current.metadata().state(), error, now);
    audit.record("refresh", provider, "retry_later", caller.address(), unavailable.reason());
    log.warn("Refreshing the {} token failed (attempt {}): the token endpoint {}; the tokens are kept and the"
        + " refresh is retried after {}", provider, failures, unavailable.reason(), retryAt);
    return new RefreshOutcome(provider, Kind.RETRY_LATER, error, current.metadata().expiresAt());
  }

  /** Returns 1, 2, 4 … minutes, at most {@link #MAX_RETRY}. */
  static Duration backoffDelay(int failures) {
    long minutes = FIRST_RETRY.toMinutes() << Math.min(failures - 1, 10);
    return minutes > MAX_RETRY.toMinutes() ? MAX_RETRY : Duration.ofMinutes(minutes);
  }

  private void writeMetadata(StoredCredential current, CredentialState state, String error, Instant now) {
    CredentialMetadata m = current.metadata();
    CredentialMetadata next = new CredentialMetadata(m.provider(), m.kind(), m.keyHint(), m.expiresAt(),
        m.hasRefreshToken(), state, m.lastRefresh(), error, m.createdAt(), now);
    if (!vault.store().replaceIfUnchanged(new StoredCredential(next, current.secret(), current.refreshSecret()), m.updatedAt())) {
      log.info("The {} credential changed meanwhile; its refresh failure is not recorded", m.provider());
    }
  }
}
