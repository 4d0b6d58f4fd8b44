package dev.mixauth.it;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

/**
 * How a test calls an SDK operation: the blocking method or its {@code …Async} twin. Both return
 * the result or throw the SDK's exception, so one test body checks both forms.
 */
enum CallStyle {
  SYNC,
  ASYNC;

  /** Maximum time an async call may take before the test fails, generous for busy machines. */
  private static final long ASYNC_TIMEOUT_SECONDS = 60;

  /**
   * Runs {@code blocking} for {@link #SYNC}. For {@link #ASYNC}, waits for the future of {@code
   * async} and throws the exception it failed with, unwrapped.
   */
  <T> T call(Supplier<T> blocking, Supplier<CompletableFuture<T>> async) {
    if (this == SYNC) {
      return blocking.get();
    }

    try {
      return async.get().get(ASYNC_TIMEOUT_SECONDS, TimeUnit.SECONDS);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException) {
        throw (RuntimeException) e.getCause();
      }
      throw new AssertionError("the async call failed with a checked exception", e.getCause());
    } catch (TimeoutException e) {
      throw new AssertionError(
          "the async call did not complete within " + ASYNC_TIMEOUT_SECONDS + " s", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted while waiting for the async call", e);
    }
  }

  /**
   * Makes the call as {@link #call} does and returns the exception it throws.
   *
   * @throws AssertionError if the call returns, or throws another exception than {@code expected}
   */
  <E extends RuntimeException, T> E failure(
      Class<E> expected, Supplier<T> blocking, Supplier<CompletableFuture<T>> async) {
    T result;
    try {
      result = call(blocking, async);
    } catch (RuntimeException e) {
      if (expected.isInstance(e)) {
        return expected.cast(e);
      }
      throw new AssertionError(
          name() + " call: expected " + expected.getSimpleName() + ", got " + e, e);
    }
    throw new AssertionError(
        name() + " call: expected " + expected.getSimpleName() + ", got the result " + result);
  }
}
