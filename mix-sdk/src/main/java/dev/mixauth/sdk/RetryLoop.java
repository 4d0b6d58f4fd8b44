package dev.mixauth.sdk;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.DoubleSupplier;

/** Sends a request until it succeeds, fails for good, or the retry policy runs out of time. */
final class RetryLoop {

  /** One attempt at sending the request; {@code number} starts at 1. */
  @FunctionalInterface
  interface Attempt {
    HttpResponse<String> send(int number) throws IOException, InterruptedException;
  }

  private final Clock clock;
  private final Sleeper sleeper;
  private final DoubleSupplier random;

  RetryLoop(Clock clock, Sleeper sleeper, DoubleSupplier random) {
    this.clock = clock;
    this.sleeper = sleeper;
    this.random = random;
  }

  /**
   * Runs attempts under {@code config} and returns the last response, retryable or not.
   *
   * @throws IOException the last attempt's exception when no response arrived and the policy gave
   *     up or does not retry connection errors
   * @throws InterruptedException as soon as the thread is interrupted, before an attempt or during
   *     a wait. The interrupt flag is then cleared, as {@link Thread#sleep} leaves it.
   */
  HttpResponse<String> run(RetryConfig config, Attempt attempt)
      throws IOException, InterruptedException {
    Instant start = clock.instant();

    for (int number = 1; ; number++) {
      if (Thread.interrupted()) {
        throw new InterruptedException("interrupted before attempt " + number);
      }

      HttpResponse<String> response = null;
      IOException failure = null;
      try {
        response = attempt.send(number);
      } catch (IOException e) {
        failure = e;
      }

      if (!shouldRetry(config, response, failure)) {
        return finish(response, failure);
      }

      Duration wait = nextWait(config, number, response);
      Duration elapsed = Duration.between(start, clock.instant());
      if (elapsed.plus(wait).compareTo(config.maxElapsedTime()) > 0) {
        return finish(response, failure);
      }

      sleeper.sleep(wait);
    }
  }

  private static boolean shouldRetry(
      RetryConfig config, HttpResponse<String> response, IOException failure) {
    if (!config.isEnabled()) {
      return false;
    }
    if (failure != null) {
      return config.retryConnectionErrors();
    }
    return RetryRules.isRetryableStatus(response.statusCode());
  }

  private Duration nextWait(RetryConfig config, int number, HttpResponse<String> response) {
    Duration retryAfter = null;
    if (response != null) {
      retryAfter =
          response
              .headers()
              .firstValue("Retry-After")
              .flatMap(value -> RetryRules.parseRetryAfter(value, clock.instant()))
              .orElse(null);
    }
    return RetryRules.nextDelay(config, number, retryAfter, random.getAsDouble());
  }

  private static HttpResponse<String> finish(HttpResponse<String> response, IOException failure)
      throws IOException {
    if (failure != null) {
      throw failure;
    }
    return response;
  }
}
