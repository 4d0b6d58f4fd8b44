package dev.mixauth.server.vault;

/**
 * Produces the replacement of each stored ciphertext during key rotation. Each method receives the
 * identity of the row, from which the associated data is rebuilt, and the current ciphertext.
 */
public interface SecretRewriter {
  byte[] credentialSecret(String provider, CredentialKind kind, byte[] ciphertext);

  byte[] credentialRefresh(String provider, byte[] ciphertext);

  byte[] flowVerifier(String stateHash, byte[] ciphertext);

  byte[] meta(String key, byte[] value);
}
