package dev.mixauth.sdk;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/** Pure functions that decide whether to retry and how long to wait. */
final class RetryRules {

  /** Largest share of a computed wait that the jitter removes. */
  static final double JITTER = 0.25;

  private RetryRules() {}

  /** Returns whether a response with this status is retried: 408, 429 and every 5XX. */
  static boolean isRetryableStatus(int statusCode) {
    return statusCode == 408 || statusCode == 429 || (statusCode >= 500 && statusCode <= 599);
  }

  /**
   * Returns the wait that a {@code Retry-After} header requests, or an empty optional when the
   * value is neither whole seconds nor an HTTP date. A date in the past gives a zero wait.
   */
  static Optional<Duration> parseRetryAfter(String value, Instant now) {
    if (value == null || value.isBlank()) {
      return Optional.empty();
    }

    String trimmed = value.trim();
    if (trimmed.chars().allMatch(Character::isDigit)) {
      try {
        return Optional.of(Duration.ofSeconds(Long.parseLong(trimmed)));
      } catch (NumberFormatException e) {
        return Optional.empty(); // too large for a long, so the header is ignored
      }
    }

    try {
      Instant date = ZonedDateTime.parse(trimmed, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
      Duration wait = Duration.between(now, date);
      return Optional.of(wait.isNegative() ? Duration.ZERO : wait);
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }

  /**
   * Computes the wait before retry number {@code retry} (1 for the wait before the second attempt).
   *
   * @param retryAfter the wait the server requested, or {@code null}. It is capped at the maximum
   *     interval and gets no jitter.
   * @param random a value in [0, 1) that picks the jitter
   */
  static Duration nextDelay(RetryConfig config, int retry, Duration retryAfter, double random) {
    Duration max = config.maxInterval();
    if (retryAfter != null) {
      return retryAfter.compareTo(max) > 0 ? max : retryAfter;
    }

    double millis = config.initialInterval().toMillis() * Math.pow(config.exponent(), retry - 1);
    millis = Math.min(millis, max.toMillis());
    millis = millis * (1.0 - JITTER * random);
    return Duration.ofMillis(Math.round(millis));
  }
}
