package dev.mixauth.server.provider;

import java.io.IOException;
import java.net.ConnectException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Optional;

/**
 * Sends requests to provider servers with one timeout, and describes failed responses in words
 * people can act on. Request and response bodies are never logged or put into messages, because
 * they carry keys, codes and tokens.
 */
public final class ProviderHttp {
  private final HttpClient client;
  private final Duration timeout;

  public ProviderHttp(Duration timeout) {
    this.timeout = timeout;
    this.client =
        HttpClient.newBuilder()
            .connectTimeout(timeout)
            .followRedirects(HttpClient.Redirect.NEVER)
            .version(HttpClient.Version.HTTP_1_1)
            .build();
  }

  public Duration timeout() {
    return timeout;
  }

  /**
   * Sends a request and returns the response, or the reason no response arrived.
   *
   * @throws InterruptedException when the calling thread is interrupted while waiting
   */
  public Exchange send(HttpRequest.Builder request) throws InterruptedException {
    HttpRequest built = request.timeout(timeout).build();
    try {
      HttpResponse<String> response = client.send(built, HttpResponse.BodyHandlers.ofString());
      return new Exchange(response, null);
    } catch (HttpTimeoutException e) {
      return new Exchange(null, "timed out after " + timeout.toMillis() + " ms");
    } catch (ConnectException e) {
      return new Exchange(null, "could not be reached (" + describe(e) + ")");
    } catch (IOException e) {
      return new Exchange(null, "closed the connection without an answer (" + describe(e) + ")");
    }
  }

  private static String describe(IOException e) {
    String message = e.getMessage();
    return message == null || message.isBlank() ? e.getClass().getSimpleName() : message;
  }

  /**
   * One request's outcome: a response, or a failure sentence when none arrived.
   *
   * @param failure null when a response arrived
   */
  public record Exchange(HttpResponse<String> response, String failure) {

    public boolean answered() {
      return response != null;
    }

    public int status() {
      return response.statusCode();
    }

    public String contentType() {
      return response.headers().firstValue("Content-Type").orElse("no content type");
    }

    public boolean isJson() {
      String type = contentType().toLowerCase(java.util.Locale.ROOT);
      return type.startsWith("application/json") || type.contains("+json");
    }

    /** Returns the {@code Retry-After} wait, when the response gives one in seconds. */
    public Optional<Duration> retryAfter() {
      return response.headers()
          .firstValue("Retry-After")
          .flatMap(
              value -> {
                try {
                  return Optional.of(Duration.ofSeconds(Long.parseLong(value.strip())));
                } catch (NumberFormatException e) {
                  return Optional.empty();
                }
              });
    }

    /** Describes the response without its body, such as {@code HTTP 503 (text/html)}. */
    public String summary() {
      if (!answered()) {
        return failure;
      }
      String body = response.body() == null || response.body().isEmpty() ? ", empty body" : "";
      return "answered HTTP " + status() + " (" + contentType() + body + ")";
    }
  }
}
