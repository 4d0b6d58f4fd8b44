package dev.mixauth.server.vault;

import java.util.Arrays;
import java.util.Objects;

/**
 * One credential row as the store keeps it: ciphertext and metadata. The plain secret exists only
 * inside {@link CredentialVault}.
 *
 * @param secret the encrypted API key or OAuth access token
 * @param refreshSecret the encrypted OAuth refresh token, or null
 */
public record StoredCredential(CredentialMetadata metadata, byte[] secret, byte[] refreshSecret) {

  public StoredCredential {
    Objects.requireNonNull(metadata, "metadata");
    Objects.requireNonNull(secret, "secret");
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof StoredCredential that
        && metadata.equals(that.metadata)
        && Arrays.equals(secret, that.secret)
        && Arrays.equals(refreshSecret, that.refreshSecret);
  }

  @Override
  public int hashCode() {
    return Objects.hash(metadata, Arrays.hashCode(secret), Arrays.hashCode(refreshSecret));
  }

  @Override
  public String toString() {
    return "StoredCredential[" + metadata + "]";
  }
}
