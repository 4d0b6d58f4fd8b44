package dev.mixauth.server.cli.client;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** Formats token expiry times for people. */
final class Times {
  private Times() {}

  /** Returns {@code expires in 7h59m (2026-01-01T14:30:15Z)}, or {@code expired 3m ago (…)} for a past time. */
  static String expiry(Instant expiresAt, Instant now) {
    Duration left = Duration.between(now, expiresAt);
    String time = " (" + expiresAt.truncatedTo(ChronoUnit.SECONDS) + ")";
    return left.isNegative() || left.isZero()
        ? "expired " + shortDuration(left.negated()) + " ago" + time
        : "expires in " + shortDuration(left) + time;
  }

  /** Returns a duration as hours and minutes, such as {@code 7h59m}, or seconds below a minute. */
  static String shortDuration(Duration duration) {
    long seconds = duration.toSeconds();
    if (seconds < 60) {
      return seconds + "s";
    }
    long hours = seconds / 3600;
    long minutes = seconds % 3600 / 60;
    return hours == 0 ? minutes + "m" : hours + "h" + minutes + "m";
  }
}
