package dev.mixauth.sdk.errors;

/**
 * A call that got no HTTP response because the connection was refused or reset, or the attempt
 * timed out. The cause is the I/O exception of the last attempt.
 */
public class MixConnectionException extends MixException {

  public MixConnectionException(String message, Throwable cause) {
    super(message, 0, "", null, cause);
  }
}
