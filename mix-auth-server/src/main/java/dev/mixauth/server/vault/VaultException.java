package dev.mixauth.server.vault;

/** A failure to load the keyset or to decrypt a stored secret. */
public class VaultException extends RuntimeException {
  public VaultException(String message) {
    super(message);
  }

  public VaultException(String message, Throwable cause) {
    super(message, cause);
  }
}
