package dev.mixauth.server.vault;

import com.google.crypto.tink.Aead;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.RegistryConfiguration;
import com.google.crypto.tink.aead.AeadConfig;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;

/** {@link SecretBox} over a Tink AEAD keyset (AES-256-GCM). */
public final class TinkSecretBox implements SecretBox {
  private final Aead aead;

  public TinkSecretBox(KeysetHandle keyset) {
    try {
      AeadConfig.register();
      this.aead = keyset.getPrimitive(RegistryConfiguration.get(), Aead.class);
    } catch (GeneralSecurityException e) {
      throw new VaultException("The keyset does not hold a usable AEAD key: " + e.getMessage(), e);
    }
  }

  @Override
  public byte[] encrypt(Secret plaintext, String associatedData) {
    try {
      return aead.encrypt(plaintext.utf8(), associatedData.getBytes(StandardCharsets.UTF_8));
    } catch (GeneralSecurityException e) {
      throw new VaultException("Encryption failed for " + associatedData, e);
    }
  }

  @Override
  public Secret decrypt(byte[] ciphertext, String associatedData) {
    try {
      byte[] plain = aead.decrypt(ciphertext, associatedData.getBytes(StandardCharsets.UTF_8));
      return Secret.of(new String(plain, StandardCharsets.UTF_8));
    } catch (GeneralSecurityException e) {
      throw new VaultException(
          "Cannot decrypt the secret stored for "
              + associatedData
              + ": the configured key is not the one it was encrypted with, or the row was altered",
          e);
    }
  }
}
