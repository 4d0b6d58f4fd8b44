package dev.mixauth.server.errors;

import java.time.Duration;
import java.util.Optional;

/**
 * A failure with a message meant for the person who sent the request. Messages say what failed,
 * on which value, and what to do next; they never contain a secret.
 */
public class MixAuthException extends RuntimeException {
  private final Failure failure;
  private final Duration retryAfter;

  public MixAuthException(Failure failure, String message) {
    this(failure, message, null, null);
  }

  public MixAuthException(Failure failure, String message, Throwable cause) {
    this(failure, message, null, cause);
  }

  public MixAuthException(Failure failure, String message, Duration retryAfter, Throwable cause) {
    super(message, cause);
    this.failure = failure;
    this.retryAfter = retryAfter;
  }

  public static MixAuthException invalid(String message) {
    return new MixAuthException(Failure.INVALID_REQUEST, message);
  }

  public Failure failure() {
    return failure;
  }

  /** The wait the client should observe before retrying, when the failure is temporary. */
  public Optional<Duration> retryAfter() {
    return Optional.ofNullable(retryAfter);
  }
}
