package dev.mixauth.server.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/** Plays the browser in a localhost-callback sign-in: follows the provider's redirect to the listener. */
public final class Browser {
  private static final HttpClient CLIENT =
      HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

  private Browser() {}

  /** Opens the authorization URL and returns where the provider redirects the browser. */
  public static String redirectOf(String authUrl) {
    HttpResponse<String> response = get(authUrl);
    return response.headers().firstValue("Location")
        .orElseThrow(() -> new AssertionError("The fake authorize page did not redirect: " + response.statusCode()
            + " " + response.body()));
  }

  /** Loads a page and returns the response. */
  public static HttpResponse<String> get(String url) {
    try {
      return CLIENT.send(HttpRequest.newBuilder(URI.create(url)).GET().build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** Returns a free loopback port. */
  public static int freePort() {
    try (java.net.ServerSocket socket = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
