package dev.mixauth.sdk;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A clock that moves only when the sleeper waits, so retries take no real time. */
final class FakeTime {

  static final Instant START = Instant.parse("2026-01-01T12:00:00Z");

  private volatile Instant now = START;
  private final List<Duration> waits = new CopyOnWriteArrayList<>();

  final Clock clock =
      new Clock() {
        @Override
        public ZoneId getZone() {
          return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
          throw new UnsupportedOperationException();
        }

        @Override
        public Instant instant() {
          return now;
        }
      };

  final Sleeper sleeper =
      duration -> {
        waits.add(duration);
        now = now.plus(duration);
      };

  /** Returns every wait the sleeper was asked for, in order. */
  List<Duration> waits() {
    return List.copyOf(waits);
  }

  void advance(Duration duration) {
    now = now.plus(duration);
  }
}
