package dev.mixauth.sdk;

import java.time.Duration;

/** Waits between attempts. Tests replace it so that retries take no real time. */
@FunctionalInterface
interface Sleeper {

  /** Blocks for {@code duration}, or throws as soon as the thread is interrupted. */
  void sleep(Duration duration) throws InterruptedException;

  /** Returns the sleeper backed by {@link Thread#sleep(long, int)}. */
  static Sleeper system() {
    return duration -> Thread.sleep(duration.toMillis(), duration.toNanosPart() % 1_000_000);
  }
}
