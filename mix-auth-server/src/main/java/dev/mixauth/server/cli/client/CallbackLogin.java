package dev.mixauth.server.cli.client;

import dev.mixauth.sdk.Mix;
import dev.mixauth.sdk.models.AuthMethod;
import dev.mixauth.sdk.models.HandleOAuthCallbackResponse;
import dev.mixauth.sdk.models.ProviderStatus;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Waits for a sign-in whose provider sends the browser back to the server's localhost callback, as
 * OpenAI does. It polls the status until the provider shows fresh OAuth tokens, and meanwhile
 * accepts the redirect URL pasted on standard input, for a machine whose browser cannot reach the
 * server's callback.
 */
record CallbackLogin(Mix mix, Output output, String provider, String state) {
  private static final Duration POLL_INTERVAL = Duration.ofSeconds(2);
  private static final char[] SPINNER = {'|', '/', '-', '\\'};

  /** Waits until the sign-in completes or {@code timeout} passes, and returns the exit code. */
  int await(Duration timeout) throws InterruptedException {
    ProviderStatus before = status();
    CompletableFuture<String> pasted = readPasteInBackground();
    boolean terminal = SecretInput.hasTerminal();
    output.note("Waiting for the browser to return to the server. Without a browser on this machine, sign in"
        + " elsewhere, then paste the URL the browser ends on and press Enter.");

    Instant started = Instant.now();
    Instant deadline = started.plus(timeout);
    boolean pasteOpen = true;
    long lastMinute = 0;
    boolean progressShown = false;
    for (int tick = 0; Instant.now().isBefore(deadline); tick++) {
      if (pasteOpen) {
        String line = waitForPaste(pasted);
        if (line != null && !line.isEmpty()) {
          clearProgress(progressShown);
          HandleOAuthCallbackResponse done = mix.authentication().handleOAuthCallback(line, provider, state);
          LoginCommand.printSignedIn(output, done);
          return ExitCodes.OK;
        }
        if (line != null) {
          pasted = readPasteInBackground(); // an empty line: read the next one
        }
        // A null result of a finished read means that standard input ended, as it does when it is
        // not a terminal, so only the status is polled from then on.
        pasteOpen = !pasted.isDone() || pasted.getNow(null) != null;
      } else {
        Thread.sleep(POLL_INTERVAL.toMillis());
      }

      if (hasNewTokens(before, status())) {
        clearProgress(progressShown);
        output.println("Signed in to " + before.displayName() + " with OAuth; the tokens are stored.");
        return ExitCodes.OK;
      }

      Duration elapsed = Duration.between(started, Instant.now());
      if (terminal) {
        output.err().print("\r" + SPINNER[tick % SPINNER.length] + " Waiting for the sign-in ("
            + Times.shortDuration(elapsed) + " of " + Times.shortDuration(timeout) + ") ");
        output.err().flush();
        progressShown = true;
      } else if (elapsed.toMinutes() > lastMinute) {
        lastMinute = elapsed.toMinutes();
        output.note("Still waiting for the sign-in (" + lastMinute + " of " + timeout.toMinutes() + " minutes).");
      }
    }

    clearProgress(progressShown);
    output.error("timed out after " + timeout.toMinutes() + " minutes waiting for the " + provider
        + " sign-in; run mix-auth login " + provider + " to start again.");
    return ExitCodes.FAILED;
  }

  private ProviderStatus status() {
    ProviderStatus status = mix.authentication().getAuthStatus().providers().get(provider);
    if (status == null) {
      throw new IllegalStateException("The server's status has no entry for " + provider);
    }
    return status;
  }

  /** Returns whether the provider now has OAuth tokens that it did not have before the sign-in. */
  private static boolean hasNewTokens(ProviderStatus before, ProviderStatus now) {
    if (now.authMethod() != AuthMethod.OAUTH) {
      return false;
    }
    return before.authMethod() != AuthMethod.OAUTH || !Objects.equals(before.expiresAt(), now.expiresAt());
  }

  /** Returns the pasted line, or null when none arrived within one poll interval. */
  private static String waitForPaste(CompletableFuture<String> pasted) throws InterruptedException {
    try {
      return pasted.get(POLL_INTERVAL.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      return null;
    } catch (ExecutionException e) {
      throw new IllegalStateException("Could not read standard input: " + e.getCause().getMessage(), e.getCause());
    }
  }

  private static CompletableFuture<String> readPasteInBackground() {
    CompletableFuture<String> pasted = new CompletableFuture<>();
    Thread reader = new Thread(() -> {
      try {
        pasted.complete(SecretInput.readLine(""));
      } catch (IOException e) {
        pasted.completeExceptionally(e);
      }
    }, "mix-auth-paste");
    // A daemon thread, so that a read still blocked on standard input never keeps the JVM alive.
    reader.setDaemon(true);
    reader.start();
    return pasted;
  }

  /** Erases the progress line, if one was printed, so that the next message starts a clean line. */
  private void clearProgress(boolean progressShown) {
    if (progressShown) {
      output.err().print("\r\033[K");
      output.err().flush();
    }
  }

  /** Leaves out the state, which completes the sign-in. */
  @Override
  public String toString() {
    return "CallbackLogin[provider=" + provider + "]";
  }
}
