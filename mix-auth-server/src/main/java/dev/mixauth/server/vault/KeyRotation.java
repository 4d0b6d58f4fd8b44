package dev.mixauth.server.vault;

import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.aead.PredefinedAeadParameters;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Rotates the store's keyset: adds a new primary AES-256-GCM key, saves the keyset, then
 * re-encrypts every stored secret with the new key in one transaction. The saved keyset still
 * contains the old key, so ciphertext written before the rotation decrypts at every moment, even if
 * the rotation stops half-way.
 */
public final class KeyRotation {
  private static final Logger log = LoggerFactory.getLogger(KeyRotation.class);

  /** The outcome of a rotation: ciphertexts rewritten, keys in the keyset, and where it was saved. */
  public record Result(int rewritten, int keys, Path savedTo) {}

  private KeyRotation() {}

  /**
   * Rotates the keyset of a store.
   *
   * @param current the keyset the store was written with
   * @param target where the rotated keyset is written: the key file, or a new file for a keyset
   *     that came from MIX_AUTH_MASTER_KEY
   */
  public static Result rotate(CredentialStore store, KeysetHandle current, Path target) {
    CredentialVault vault = new CredentialVault(store, new TinkSecretBox(current));
    vault.verifyKey();

    KeysetHandle rotated = addPrimary(current);
    KeysetSource.write(rotated, target);
    log.info("Saved the rotated keyset with {} keys to {}", rotated.size(), target);

    int rewritten = vault.reencryptAll(new TinkSecretBox(rotated));
    new CredentialVault(store, new TinkSecretBox(rotated)).verifyKey();
    log.info("Re-encrypted {} stored secrets with the new primary key", rewritten);
    return new Result(rewritten, rotated.size(), target);
  }

  /** Returns the keyset with a new AES-256-GCM key added as primary; the old keys stay for decryption. */
  public static KeysetHandle addPrimary(KeysetHandle current) {
    try {
      return KeysetHandle.newBuilder(current)
          .addEntry(KeysetHandle.generateEntryFromParameters(PredefinedAeadParameters.AES256_GCM)
              .withRandomId()
              .makePrimary())
          .build();
    } catch (GeneralSecurityException e) {
      throw new VaultException("Could not add a new key to the keyset: " + e.getMessage(), e);
    }
  }

  /** Returns the keyset as {@link KeysetSource} finds it, for commands that run beside a store. */
  public static KeysetHandle load(Optional<Secret> masterKey, Path keyFile) {
    return KeysetSource.load(masterKey, keyFile, true);
  }
}
