package dev.mixauth.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** Plays the user's part in an OAuth sign-in at the fake providers. */
final class Browser {

  private static final HttpClient CLIENT =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  private Browser() {}

  /**
   * Opens an Anthropic authorization URL as a signed-in user would, and returns the {@code
   * CODE#STATE} text that the fake's callback page shows for pasting.
   */
  static String approve(String authUrl) {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(authUrl))
            .header("Accept", "text/plain")
            .timeout(Duration.ofSeconds(10))
            .GET()
            .build();
    HttpResponse<String> response;
    try {
      response = CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException("failed to open the authorization URL", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while opening the authorization URL", e);
    }

    if (response.statusCode() != 200) {
      throw new AssertionError(
          "the fake authorize endpoint returned " + response.statusCode() + ": " + response.body());
    }
    return response.body().strip();
  }

  /** Returns the state part of a pasted {@code CODE#STATE} text. */
  static String stateOf(String pasted) {
    int hash = pasted.indexOf('#');
    if (hash < 0) {
      throw new AssertionError("expected CODE#STATE, got " + pasted.length() + " characters");
    }
    return pasted.substring(hash + 1);
  }
}
