package dev.mixauth.server.vault;

/** The store could not be read or written. The message names the store and the cause. */
public class StoreException extends RuntimeException {
  private final boolean transientFailure;

  public StoreException(String message, Throwable cause) {
    this(message, cause, false);
  }

  /**
   * @param transientFailure true when the same request may succeed later, such as a lost database
   *     connection; false for a damaged or unreadable store
   */
  public StoreException(String message, Throwable cause, boolean transientFailure) {
    super(message, cause);
    this.transientFailure = transientFailure;
  }

  public boolean isTransient() {
    return transientFailure;
  }
}
