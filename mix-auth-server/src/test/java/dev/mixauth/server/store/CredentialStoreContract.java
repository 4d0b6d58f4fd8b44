package dev.mixauth.server.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mixauth.server.vault.AuditEvent;
import dev.mixauth.server.vault.CredentialKind;
import dev.mixauth.server.vault.CredentialMetadata;
import dev.mixauth.server.vault.CredentialState;
import dev.mixauth.server.vault.CredentialStore;
import dev.mixauth.server.vault.PendingFlow;
import dev.mixauth.server.vault.StoreException;
import dev.mixauth.server.vault.StoredCredential;
import dev.mixauth.server.vault.StoredPreferences;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The behaviour every {@link CredentialStore} must have. Each back end runs it through a subclass
 * that opens an empty store of its kind.
 */
public abstract class CredentialStoreContract {
  protected static final Instant T0 = Instant.parse("2026-03-01T10:15:30.123Z");

  protected CredentialStore store;

  /** Opens a new, empty store. It runs before every test. */
  protected abstract CredentialStore openEmptyStore();

  /** Runs one SQL statement on the store's database through a connection of its own. */
  protected abstract void executeBehindStore(String sql) throws Exception;

  @BeforeEach
  void openStore() {
    store = openEmptyStore();
  }

  @AfterEach
  void closeStore() {
    store.close();
  }

  // Credentials

  @Test
  void putThenFindReturnsSameRow() {
    StoredCredential oauth = oauth("anthropic", T0, T0.plusSeconds(5), "refresh".getBytes(StandardCharsets.UTF_8));

    store.put(oauth);

    assertThat(store.find("anthropic", CredentialKind.OAUTH)).contains(oauth);
    assertThat(store.find("anthropic", CredentialKind.API_KEY)).isEmpty();
    assertThat(store.find("openai", CredentialKind.OAUTH)).isEmpty();
  }

  @Test
  void optionalColumnsRoundTripAsNull() {
    StoredCredential key = apiKey("openrouter", "sk-or-v1-…a9F2", T0);

    store.put(key);

    StoredCredential found = store.find("openrouter", CredentialKind.API_KEY).orElseThrow();
    assertThat(found).isEqualTo(key);
    assertThat(found.refreshSecret()).isNull();
    assertThat(found.metadata().expiresAt()).isNull();
    assertThat(found.metadata().lastRefresh()).isNull();
    assertThat(found.metadata().lastError()).isNull();
  }

  @Test
  void timesKeepMillisecondPrecision() {
    Instant precise = Instant.parse("2026-03-01T10:15:30.123456789Z");

    store.put(apiKey("openai", "sk-…0123", precise));

    CredentialMetadata found = store.find("openai", CredentialKind.API_KEY).orElseThrow().metadata();
    assertThat(found.createdAt()).isEqualTo(Instant.parse("2026-03-01T10:15:30.123Z"));
    assertThat(found.updatedAt()).isEqualTo(Instant.parse("2026-03-01T10:15:30.123Z"));
  }

  @Test
  void putReplacesRowButKeepsCreatedAt() {
    store.put(apiKey("openai", "sk-…aaaa", T0));
    StoredCredential newer = apiKey("openai", "sk-…bbbb", T0.plusSeconds(60));

    store.put(newer);

    CredentialMetadata found = store.find("openai", CredentialKind.API_KEY).orElseThrow().metadata();
    assertThat(found.keyHint()).isEqualTo("sk-…bbbb");
    assertThat(found.updatedAt()).isEqualTo(T0.plusSeconds(60));
    assertThat(found.createdAt()).isEqualTo(T0);
    assertThat(store.listMetadata()).hasSize(1);
  }

  @Test
  void listMetadataIsSortedAndFlagsRefreshTokens() {
    store.put(apiKey("openrouter", "sk-or-v1-…a9F2", T0));
    store.put(oauth("anthropic", T0, T0, "refresh".getBytes(StandardCharsets.UTF_8)));
    store.put(apiKey("anthropic", "sk-ant-api03-…9xQ2", T0));
    store.put(oauth("openai", T0, T0, null));

    List<CredentialMetadata> rows = store.listMetadata();

    assertThat(rows).extracting(m -> m.provider() + "/" + m.kind().column())
        .containsExactly("anthropic/api_key", "anthropic/oauth", "openai/oauth", "openrouter/api_key");
    assertThat(rows).extracting(CredentialMetadata::hasRefreshToken).containsExactly(false, true, false, false);
  }

  @Test
  void replaceIfUnchangedNeedsCurrentVersion() {
    store.put(oauth("anthropic", T0, T0, "first".getBytes(StandardCharsets.UTF_8)));
    StoredCredential refreshed = oauth("anthropic", T0, T0.plusSeconds(30), "second".getBytes(StandardCharsets.UTF_8));
    StoredCredential stale = oauth("anthropic", T0, T0.plusSeconds(40), "stale".getBytes(StandardCharsets.UTF_8));

    boolean first = store.replaceIfUnchanged(refreshed, T0);
    boolean second = store.replaceIfUnchanged(stale, T0);

    assertThat(first).isTrue();
    assertThat(second).isFalse();
    assertThat(store.find("anthropic", CredentialKind.OAUTH)).contains(refreshed);
  }

  @Test
  void replaceIfUnchangedOfMissingRowIsFalse() {
    boolean replaced = store.replaceIfUnchanged(oauth("openai", T0, T0, null), T0);

    assertThat(replaced).isFalse();
    assertThat(store.find("openai", CredentialKind.OAUTH)).isEmpty();
  }

  @Test
  void replaceIfUnchangedStoresNewState() {
    store.put(oauth("anthropic", T0, T0, "refresh".getBytes(StandardCharsets.UTF_8)));
    CredentialMetadata m = store.find("anthropic", CredentialKind.OAUTH).orElseThrow().metadata();
    CredentialMetadata failed =
        new CredentialMetadata(m.provider(), m.kind(), m.keyHint(), m.expiresAt(), false,
            CredentialState.EXPIRED_NO_REFRESH, m.lastRefresh(), "the provider rejected the refresh token",
            m.createdAt(), T0.plusSeconds(1));

    store.replaceIfUnchanged(new StoredCredential(failed, new byte[] {1, 2, 3}, null), T0);

    CredentialMetadata found = store.find("anthropic", CredentialKind.OAUTH).orElseThrow().metadata();
    assertThat(found.state()).isEqualTo(CredentialState.EXPIRED_NO_REFRESH);
    assertThat(found.lastError()).isEqualTo("the provider rejected the refresh token");
    assertThat(found.hasRefreshToken()).isFalse();
  }

  @Test
  void deleteRemovesEveryKindOfOneProvider() {
    store.put(apiKey("anthropic", "sk-ant-api03-…9xQ2", T0));
    store.put(oauth("anthropic", T0, T0, null));
    store.put(apiKey("openai", "sk-…0123", T0));

    int deleted = store.delete("anthropic");
    int again = store.delete("anthropic");

    assertThat(deleted).isEqualTo(2);
    assertThat(again).isZero();
    assertThat(store.listMetadata()).extracting(CredentialMetadata::provider).containsExactly("openai");
  }

  @Test
  void hasEncryptedDataSeesCredentials() {
    assertThat(store.hasEncryptedData()).isFalse();

    store.put(apiKey("openai", "sk-…0123", T0));

    assertThat(store.hasEncryptedData()).isTrue();
  }

  @Test
  void hasEncryptedDataSeesFlows() {
    store.insertFlow(flow("a".repeat(64), "anthropic", T0.plusSeconds(600)));

    assertThat(store.hasEncryptedData()).isTrue();
  }

  @Test
  void hasEncryptedDataSeesMeta() {
    store.writeMeta("key_check", new byte[] {9});

    assertThat(store.hasEncryptedData()).isTrue();
  }

  // Pending sign-ins

  @Test
  void insertedFlowIsFoundByStateHash() {
    PendingFlow flow = flow("b".repeat(64), "openai", T0.plusSeconds(600));

    store.insertFlow(flow);

    PendingFlow found = store.findFlow(flow.stateHash()).orElseThrow();
    assertThat(found).isEqualTo(flow);
    assertThat(found.provider()).isEqualTo("openai");
    assertThat(found.redirectUri()).isEqualTo("http://localhost:1455/auth/callback");
    assertThat(found.createdAt()).isEqualTo(T0);
    assertThat(found.expiresAt()).isEqualTo(T0.plusSeconds(600));
    assertThat(found.codeHash()).isNull();
    assertThat(store.findFlow("c".repeat(64))).isEmpty();
  }

  @Test
  void pendingFlowsCountByProviderAndExpiry() {
    store.insertFlow(flow("1".repeat(64), "anthropic", T0.plusSeconds(60)));
    store.insertFlow(flow("2".repeat(64), "anthropic", T0.plusSeconds(600)));
    store.insertFlow(flow("3".repeat(64), "openai", T0.plusSeconds(600)));
    store.rejectFlow("2".repeat(64));

    assertThat(store.countPendingFlows("anthropic", T0)).isEqualTo(1);
    assertThat(store.countPendingFlows("anthropic", T0.plusSeconds(60))).isZero();
    assertThat(store.countPendingFlows("openai", T0)).isEqualTo(1);
  }

  @Test
  void deleteExpiredFlowsKeepsLiveOnes() {
    store.insertFlow(flow("1".repeat(64), "anthropic", T0.plusSeconds(60)));
    store.insertFlow(flow("2".repeat(64), "anthropic", T0.plusSeconds(600)));

    int deleted = store.deleteExpiredFlows(T0.plusSeconds(60));

    assertThat(deleted).isEqualTo(1);
    assertThat(store.findFlow("1".repeat(64))).isEmpty();
    assertThat(store.findFlow("2".repeat(64))).isPresent();
  }

  @Test
  void completeFlowStoresCredentialOnce() {
    String state = "d".repeat(64);
    store.insertFlow(flow(state, "anthropic", T0.plusSeconds(600)));
    StoredCredential tokens = oauth("anthropic", T0, T0, "refresh".getBytes(StandardCharsets.UTF_8));
    StoredCredential later = oauth("anthropic", T0, T0.plusSeconds(5), "other".getBytes(StandardCharsets.UTF_8));

    boolean first = store.completeFlow(state, "code-hash-1", tokens);
    boolean second = store.completeFlow(state, "code-hash-2", later);

    assertThat(first).isTrue();
    assertThat(second).isFalse();
    PendingFlow completed = store.findFlow(state).orElseThrow();
    assertThat(completed.status()).isEqualTo(PendingFlow.COMPLETED);
    assertThat(completed.codeHash()).isEqualTo("code-hash-1");
    assertThat(store.find("anthropic", CredentialKind.OAUTH)).contains(tokens);
  }

  @Test
  void completeFlowOfUnknownStateWritesNothing() {
    boolean completed = store.completeFlow("e".repeat(64), "code-hash", oauth("anthropic", T0, T0, null));

    assertThat(completed).isFalse();
    assertThat(store.listMetadata()).isEmpty();
  }

  @Test
  void rejectedFlowCannotComplete() {
    String state = "f".repeat(64);
    store.insertFlow(flow(state, "openai", T0.plusSeconds(600)));

    store.rejectFlow(state);
    boolean completed = store.completeFlow(state, "code-hash", oauth("openai", T0, T0, null));

    assertThat(store.findFlow(state).orElseThrow().status()).isEqualTo(PendingFlow.REJECTED);
    assertThat(completed).isFalse();
    assertThat(store.find("openai", CredentialKind.OAUTH)).isEmpty();
  }

  @Test
  void failedCompleteFlowLeavesFlowPending() throws Exception {
    String state = "9".repeat(64);
    store.insertFlow(flow(state, "anthropic", T0.plusSeconds(600)));
    StoredCredential tokens = oauth("anthropic", T0, T0, null);
    executeBehindStore("ALTER TABLE credentials RENAME TO credentials_away");

    assertThatThrownBy(() -> store.completeFlow(state, "code-hash", tokens))
        .isInstanceOf(StoreException.class)
        .hasMessageContaining("store the tokens of a completed sign-in")
        .matches(e -> !((StoreException) e).isTransient(), "is not transient");

    executeBehindStore("ALTER TABLE credentials_away RENAME TO credentials");
    assertThat(store.findFlow(state).orElseThrow().status()).isEqualTo(PendingFlow.PENDING);
    assertThat(store.completeFlow(state, "code-hash", tokens)).isTrue();
  }

  // Preferences, audit trail and bookkeeping

  @Test
  void preferencesRoundTripAndReplace() {
    StoredPreferences first =
        new StoredPreferences("openrouter", "claude-sonnet-4-5", 8192, "medium", null, null, "low", T0, T0);
    StoredPreferences second =
        new StoredPreferences("openai", null, null, null, "gpt-5-mini", 2048, null, T0, T0.plusSeconds(9));

    assertThat(store.loadPreferences()).isEmpty();
    store.savePreferences(first);
    assertThat(store.loadPreferences()).contains(first);
    store.savePreferences(second);
    assertThat(store.loadPreferences()).contains(second);
  }

  @Test
  void auditListsNewestFirst() {
    for (int i = 0; i < 3; i++) {
      store.append(new AuditEvent(T0.plusSeconds(i), "store_api_key", "openai", "success", "127.0.0.1", "event " + i));
    }
    store.append(new AuditEvent(T0, "rejected_request", null, "rejected_token", "127.0.0.1", null));

    List<AuditEvent> newest = store.listAudit(2);
    List<AuditEvent> all = store.listAudit(10);

    assertThat(newest).extracting(AuditEvent::detail).containsExactly(null, "event 2");
    assertThat(all).extracting(AuditEvent::operation)
        .containsExactly("rejected_request", "store_api_key", "store_api_key", "store_api_key");
    assertThat(all.get(1)).isEqualTo(new AuditEvent(T0.plusSeconds(2), "store_api_key", "openai", "success",
        "127.0.0.1", "event 2"));
  }

  @Test
  void metaIsWrittenAndOverwritten() {
    assertThat(store.readMeta("key_check")).isEmpty();

    store.writeMeta("key_check", new byte[] {1, 2});
    store.writeMeta("key_check", new byte[] {3, 4, 5});

    assertThat(store.readMeta("key_check")).hasValueSatisfying(value -> assertThat(value).containsExactly(3, 4, 5));
  }

  // Refresh lock

  @Test
  void refreshLockAdmitsOneThreadAtATime() throws Exception {
    AtomicInteger inside = new AtomicInteger();
    AtomicInteger maxInside = new AtomicInteger();
    AtomicInteger runs = new AtomicInteger();

    runInThreads(4, thread -> {
      for (int i = 0; i < 5; i++) {
        store.withRefreshLock("anthropic", () -> {
          maxInside.accumulateAndGet(inside.incrementAndGet(), Math::max);
          sleep(Duration.ofMillis(10));
          runs.incrementAndGet();
          inside.decrementAndGet();
          return null;
        });
      }
    });

    assertThat(runs.get()).isEqualTo(20);
    assertThat(maxInside.get()).isEqualTo(1);
  }

  @Test
  void refreshLockOfAnotherProviderDoesNotWait() throws Exception {
    CountDownLatch lockHeld = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    ExecutorService threads = Executors.newSingleThreadExecutor();
    try {
      Future<?> holder = threads.submit(() -> store.withRefreshLock("anthropic", () -> {
        lockHeld.countDown();
        awaitLatch(release);
        return null;
      }));
      assertThat(lockHeld.await(10, TimeUnit.SECONDS)).isTrue();

      String result = store.withRefreshLock("openai", () -> "ran");

      assertThat(result).isEqualTo("ran");
      release.countDown();
      holder.get(10, TimeUnit.SECONDS);
    } finally {
      release.countDown();
      threads.shutdownNow();
    }
  }

  @Test
  void refreshLockIsReleasedWhenWorkThrows() throws Exception {
    assertThatThrownBy(() -> store.withRefreshLock("anthropic", () -> {
      throw new IllegalStateException("refresh failed");
    })).isInstanceOf(IllegalStateException.class).hasMessage("refresh failed");

    ExecutorService threads = Executors.newSingleThreadExecutor();
    try {
      Future<String> next = threads.submit(() -> store.withRefreshLock("anthropic", () -> "next"));
      assertThat(next.get(10, TimeUnit.SECONDS)).isEqualTo("next");
    } finally {
      threads.shutdownNow();
    }
  }

  @Test
  void refreshLockIsReentrant() {
    String result = store.withRefreshLock("anthropic", () -> store.withRefreshLock("anthropic", () -> "nested"));

    assertThat(result).isEqualTo("nested");
  }

  @Test
  void workUnderRefreshLockReadsAndWrites() {
    store.put(oauth("openai", T0, T0, "old".getBytes(StandardCharsets.UTF_8)));

    boolean replaced = store.withRefreshLock("openai", () -> {
      StoredCredential current = store.find("openai", CredentialKind.OAUTH).orElseThrow();
      return store.replaceIfUnchanged(oauth("openai", T0, T0.plusSeconds(1), "new".getBytes(StandardCharsets.UTF_8)),
          current.metadata().updatedAt());
    });

    assertThat(replaced).isTrue();
    assertThat(store.find("openai", CredentialKind.OAUTH).orElseThrow().refreshSecret())
        .isEqualTo("new".getBytes(StandardCharsets.UTF_8));
  }

  // Test data

  protected static StoredCredential apiKey(String provider, String hint, Instant at) {
    CredentialMetadata metadata =
        new CredentialMetadata(provider, CredentialKind.API_KEY, hint, null, false, CredentialState.ACTIVE, null, null,
            at, at);
    return new StoredCredential(metadata, ("ciphertext of " + hint).getBytes(StandardCharsets.UTF_8), null);
  }

  protected static StoredCredential oauth(String provider, Instant createdAt, Instant updatedAt, byte[] refresh) {
    CredentialMetadata metadata =
        new CredentialMetadata(provider, CredentialKind.OAUTH, "sk-ant-oat01-…Zz09", updatedAt.plusSeconds(3600),
            refresh != null, CredentialState.ACTIVE, updatedAt, null, createdAt, updatedAt);
    return new StoredCredential(metadata, ("access token at " + updatedAt).getBytes(StandardCharsets.UTF_8), refresh);
  }

  protected static PendingFlow flow(String stateHash, String provider, Instant expiresAt) {
    return new PendingFlow(stateHash, provider, ("verifier of " + stateHash).getBytes(StandardCharsets.UTF_8),
        "http://localhost:1455/auth/callback", T0, expiresAt, PendingFlow.PENDING, null);
  }

  /** Runs {@code body} on {@code count} threads at once, with the thread's number, and waits for all. */
  protected static void runInThreads(int count, IntConsumer body) throws Exception {
    ExecutorService threads = Executors.newFixedThreadPool(count);
    try {
      List<Future<?>> results = new ArrayList<>();
      for (int t = 0; t < count; t++) {
        int thread = t;
        results.add(threads.submit(() -> body.accept(thread)));
      }
      for (Future<?> result : results) {
        result.get(60, TimeUnit.SECONDS);
      }
    } finally {
      threads.shutdownNow();
    }
  }

  protected static void sleep(Duration duration) {
    try {
      Thread.sleep(duration.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  protected static void awaitLatch(CountDownLatch latch) {
    try {
      if (!latch.await(30, TimeUnit.SECONDS)) {
        throw new IllegalStateException("Timed out waiting for the test's other thread");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
