package dev.mixauth.sdk.errors;

/**
 * A call stopped because the calling thread was interrupted while a request was in flight or
 * while it waited to retry. The SDK restores the thread's interrupt flag before throwing this.
 */
public class MixInterruptedException extends MixException {

  public MixInterruptedException(String message, InterruptedException cause) {
    super(message, 0, "", null, cause);
  }
}
