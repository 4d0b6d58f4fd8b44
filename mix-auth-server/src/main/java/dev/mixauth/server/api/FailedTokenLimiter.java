package dev.mixauth.server.api;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Counts failed API token attempts per client address in fixed one-minute windows. A client over
 * the limit is blocked until its window ends, so guessing the token costs a minute per
 * {@link #MAX_FAILURES} tries.
 */
final class FailedTokenLimiter {
  static final int MAX_FAILURES = 10;
  static final Duration WINDOW = Duration.ofMinutes(1);
  private static final int MAX_TRACKED_CLIENTS = 10_000;

  private final Clock clock;
  private final Map<String, Window> windows = new ConcurrentHashMap<>();

  /** Failures of one client since {@code start}. */
  private record Window(Instant start, int failures) {}

  FailedTokenLimiter(Clock clock) {
    this.clock = clock;
  }

  /** Returns how long the client must wait, or zero when it may try. */
  Duration blockedFor(String client) {
    Window window = windows.get(client);
    Instant now = clock.instant();
    if (window == null || !now.isBefore(window.start().plus(WINDOW)) || window.failures() < MAX_FAILURES) {
      return Duration.ZERO;
    }
    return Duration.between(now, window.start().plus(WINDOW));
  }

  /**
   * Counts one failure.
   *
   * @return true when this failure reached the limit, so the caller logs the block once
   */
  boolean recordFailure(String client) {
    Instant now = clock.instant();
    if (windows.size() > MAX_TRACKED_CLIENTS) {
      windows.entrySet().removeIf(entry -> !now.isBefore(entry.getValue().start().plus(WINDOW)));
    }
    Window next = windows.compute(client, (key, window) ->
        window == null || !now.isBefore(window.start().plus(WINDOW))
            ? new Window(now, 1)
            : new Window(window.start(), window.failures() + 1));
    return next.failures() == MAX_FAILURES;
  }
}
