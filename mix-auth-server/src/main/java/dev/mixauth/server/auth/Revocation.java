package dev.mixauth.server.auth;

import java.util.Optional;

/** Revokes a provider's OAuth refresh token at the provider before the local copy is deleted. */
public interface Revocation {

  /**
   * Revokes the stored refresh token where the provider has a revocation endpoint.
   *
   * @return a sentence for the user when the revocation failed; empty when it succeeded or did
   *     not apply
   */
  Optional<String> revoke(String provider);
}
