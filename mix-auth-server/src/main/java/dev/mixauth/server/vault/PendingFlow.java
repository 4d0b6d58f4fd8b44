package dev.mixauth.server.vault;

import java.time.Instant;
import java.util.Arrays;
import java.util.Objects;

/**
 * A started OAuth login waiting for its callback.
 *
 * @param stateHash SHA-256 of the state, hex; the state itself is not stored
 * @param verifier the PKCE code verifier, encrypted with the state hash as associated data
 * @param status {@code pending}, {@code completed} (tokens stored) or {@code rejected} (the
 *     provider refused the code)
 * @param codeHash SHA-256 of the code that completed the flow, so that an identical retried
 *     callback can be answered again without a second exchange
 */
public record PendingFlow(
    String stateHash,
    String provider,
    byte[] verifier,
    String redirectUri,
    Instant createdAt,
    Instant expiresAt,
    String status,
    String codeHash) {

  public static final String PENDING = "pending";
  public static final String COMPLETED = "completed";
  public static final String REJECTED = "rejected";

  public PendingFlow {
    Objects.requireNonNull(stateHash, "stateHash");
    Objects.requireNonNull(provider, "provider");
    Objects.requireNonNull(verifier, "verifier");
    Objects.requireNonNull(status, "status");
  }

  public boolean isExpired(Instant now) {
    return !now.isBefore(expiresAt);
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof PendingFlow that
        && stateHash.equals(that.stateHash)
        && Arrays.equals(verifier, that.verifier)
        && status.equals(that.status);
  }

  @Override
  public int hashCode() {
    return stateHash.hashCode();
  }

  @Override
  public String toString() {
    return "PendingFlow[" + provider + ", " + status + ", expires " + expiresAt + "]";
  }
}
