package dev.mixauth.server.vault;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Durable storage of credentials, pending OAuth flows, preferences and the audit trail. Every
 * method that writes returns only after the write is durable. Secrets arrive here already
 * encrypted; implementations hold no keys.
 *
 * <p>Every method throws {@link StoreException} when the store cannot be read or written; an
 * unreadable store is never treated as an empty one.
 */
public interface CredentialStore extends AutoCloseable {

  /** Returns the metadata of every stored credential, without ciphertext. */
  List<CredentialMetadata> listMetadata();

  Optional<StoredCredential> find(String provider, CredentialKind kind);

  /** Inserts or replaces the credential of the same provider and kind. */
  void put(StoredCredential credential);

  /**
   * Replaces a credential only if its stored {@code updatedAt} still equals {@code expected}, so
   * that a refresh never overwrites a newer write.
   *
   * @return whether the row was replaced
   */
  boolean replaceIfUnchanged(StoredCredential credential, Instant expected);

  /** Deletes every credential of a provider and returns how many rows went. */
  int delete(String provider);

  /** Whether any ciphertext is stored, in credentials or in pending flows. */
  boolean hasEncryptedData();

  void insertFlow(PendingFlow flow);

  Optional<PendingFlow> findFlow(String stateHash);

  /** Returns how many flows of a provider are pending and unexpired at {@code now}. */
  int countPendingFlows(String provider, Instant now);

  /** Deletes the flows that expired before {@code now} and returns how many went. */
  int deleteExpiredFlows(Instant now);

  /**
   * Marks a pending flow completed and stores its credential in one transaction.
   *
   * @return false, with nothing written, when the flow was no longer pending
   */
  boolean completeFlow(String stateHash, String codeHash, StoredCredential credential);

  /** Marks a pending flow rejected, so it cannot be used again. */
  void rejectFlow(String stateHash);

  Optional<StoredPreferences> loadPreferences();

  void savePreferences(StoredPreferences preferences);

  void append(AuditEvent event);

  /** Returns the newest audit events first, at most {@code limit}. */
  List<AuditEvent> listAudit(int limit);

  /** Reads a value of the store's own bookkeeping, such as the key check. */
  Optional<byte[]> readMeta(String key);

  void writeMeta(String key, byte[] value);

  /**
   * Replaces every ciphertext (credentials, pending flows, the key check) with the rewriter's
   * result in one transaction, for key rotation.
   *
   * @return how many ciphertexts were rewritten
   */
  int rewriteSecrets(SecretRewriter rewriter);

  /**
   * Runs {@code work} while holding the refresh lock of one provider's OAuth credential, so that
   * only one process at a time spends a rotating refresh token. Work done under the lock must
   * re-read the credential first, because another holder may have refreshed it meanwhile.
   */
  <T> T withRefreshLock(String provider, Supplier<T> work);

  /**
   * Registers a listener to call after another process changed credentials or preferences, so
   * in-memory copies can be reloaded. Stores shared by one process only may never call it.
   */
  void onExternalChange(Runnable listener);

  @Override
  void close();
}
