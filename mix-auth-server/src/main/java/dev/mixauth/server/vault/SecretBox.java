package dev.mixauth.server.vault;

/**
 * Authenticated encryption of secrets at rest. The associated data names the row a ciphertext
 * belongs to, so a ciphertext copied into another row fails to decrypt. Nonces are chosen inside;
 * callers never pick them.
 */
public interface SecretBox {
  byte[] encrypt(Secret plaintext, String associatedData);

  /**
   * Decrypts a ciphertext made for the same associated data.
   *
   * @throws VaultException when the key does not match or the ciphertext was altered or moved
   */
  Secret decrypt(byte[] ciphertext, String associatedData);
}
