package dev.mixauth.sdk;

import java.time.Duration;
import java.util.Objects;

/**
 * Retry policy: which failed requests the client sends again, and how long it waits before each.
 *
 * <p>With backoff enabled, a call is retried after a connection error (if enabled), status 408,
 * status 429 and every 5XX status. No other 4XX status is retried. The n-th wait is {@code
 * initialInterval * exponent^(n-1)}, capped at {@code maxInterval} and shortened by a random jitter
 * of up to 25%. A {@code Retry-After} header in seconds or as an HTTP date replaces the computed
 * wait, capped at {@code maxInterval}. The client gives up when the time since the first attempt
 * plus the next wait would exceed {@code maxElapsedTime}, and throws the last failure.
 *
 * <p>Instances are immutable. Set one for every call with {@link Mix.Builder#retryConfig} or for a
 * single call with the overloads that take a {@code RetryConfig}.
 */
public final class RetryConfig {

  private static final RetryConfig NONE =
      new RetryConfig(false, Duration.ZERO, Duration.ZERO, 1.0, Duration.ZERO, false);

  private static final RetryConfig DEFAULTS =
      backoff(Duration.ofMillis(500), Duration.ofSeconds(60), 1.5, Duration.ofSeconds(600), true);

  private final boolean enabled;
  private final Duration initialInterval;
  private final Duration maxInterval;
  private final double exponent;
  private final Duration maxElapsedTime;
  private final boolean retryConnectionErrors;

  private RetryConfig(
      boolean enabled,
      Duration initialInterval,
      Duration maxInterval,
      double exponent,
      Duration maxElapsedTime,
      boolean retryConnectionErrors) {
    this.enabled = enabled;
    this.initialInterval = initialInterval;
    this.maxInterval = maxInterval;
    this.exponent = exponent;
    this.maxElapsedTime = maxElapsedTime;
    this.retryConnectionErrors = retryConnectionErrors;
  }

  /**
   * Returns the default policy: first wait 500 ms, factor 1.5, longest wait 60 s, give up after 600
   * s, retry connection errors.
   */
  public static RetryConfig defaults() {
    return DEFAULTS;
  }

  /** Returns a policy that sends every request once. */
  public static RetryConfig none() {
    return NONE;
  }

  /**
   * Returns an exponential backoff policy.
   *
   * @param initialInterval the first wait, zero or more
   * @param maxInterval the longest single wait, at least {@code initialInterval}
   * @param exponent the factor between two waits, 1.0 or more
   * @param maxElapsedTime the time after the first attempt past which no retry starts
   * @param retryConnectionErrors whether a request that got no response is retried
   * @throws IllegalArgumentException if a value is out of range
   */
  public static RetryConfig backoff(
      Duration initialInterval,
      Duration maxInterval,
      double exponent,
      Duration maxElapsedTime,
      boolean retryConnectionErrors) {
    Objects.requireNonNull(initialInterval, "initialInterval");
    Objects.requireNonNull(maxInterval, "maxInterval");
    Objects.requireNonNull(maxElapsedTime, "maxElapsedTime");
    if (initialInterval.isNegative()) {
      throw new IllegalArgumentException("initialInterval is negative: " + initialInterval);
    }
    if (maxInterval.compareTo(initialInterval) < 0) {
      throw new IllegalArgumentException(
          "maxInterval " + maxInterval + " is shorter than initialInterval " + initialInterval);
    }
    if (!(exponent >= 1.0) || Double.isInfinite(exponent)) {
      throw new IllegalArgumentException("exponent must be a finite number >= 1.0: " + exponent);
    }
    if (maxElapsedTime.isNegative()) {
      throw new IllegalArgumentException("maxElapsedTime is negative: " + maxElapsedTime);
    }

    return new RetryConfig(
        true, initialInterval, maxInterval, exponent, maxElapsedTime, retryConnectionErrors);
  }

  /** Returns whether failed requests are retried at all; false for {@link #none()}. */
  public boolean isEnabled() {
    return enabled;
  }

  /** Returns the first wait. */
  public Duration initialInterval() {
    return initialInterval;
  }

  /** Returns the longest single wait, which also caps a {@code Retry-After} value. */
  public Duration maxInterval() {
    return maxInterval;
  }

  /** Returns the factor between two consecutive waits. */
  public double exponent() {
    return exponent;
  }

  /** Returns the time after the first attempt past which no retry starts. */
  public Duration maxElapsedTime() {
    return maxElapsedTime;
  }

  /** Returns whether a request that got no HTTP response is retried. */
  public boolean retryConnectionErrors() {
    return retryConnectionErrors;
  }

  @Override
  public boolean equals(Object other) {
    if (this == other) {
      return true;
    }
    if (!(other instanceof RetryConfig)) {
      return false;
    }
    RetryConfig that = (RetryConfig) other;
    return enabled == that.enabled
        && Double.compare(exponent, that.exponent) == 0
        && retryConnectionErrors == that.retryConnectionErrors
        && initialInterval.equals(that.initialInterval)
        && maxInterval.equals(that.maxInterval)
        && maxElapsedTime.equals(that.maxElapsedTime);
  }

  @Override
  public int hashCode() {
    return Objects.hash(
        enabled, initialInterval, maxInterval, exponent, maxElapsedTime, retryConnectionErrors);
  }

  @Override
  public String toString() {
    if (!enabled) {
      return "RetryConfig[none]";
    }
    return "RetryConfig[initialInterval="
        + initialInterval
        + ", maxInterval="
        + maxInterval
        + ", exponent="
        + exponent
        + ", maxElapsedTime="
        + maxElapsedTime
        + ", retryConnectionErrors="
        + retryConnectionErrors
        + "]";
  }
}
