package dev.mixauth.sdk.errors;

import java.net.http.HttpHeaders;
import java.util.Map;

/**
 * Base class of every exception the SDK throws for a failed call.
 *
 * <p>Exceptions for calls that got no HTTP response have status code 0, an empty body and no
 * headers.
 */
public class MixException extends RuntimeException {

  private static final HttpHeaders NO_HEADERS = HttpHeaders.of(Map.of(), (name, value) -> true);

  private final int statusCode;
  private final String body;
  private final HttpHeaders headers;

  protected MixException(
      String message, int statusCode, String body, HttpHeaders headers, Throwable cause) {
    super(message, cause);
    this.statusCode = statusCode;
    this.body = body == null ? "" : body;
    this.headers = headers == null ? NO_HEADERS : headers;
  }

  /** Returns the HTTP status code of the response, or 0 when no response arrived. */
  public int statusCode() {
    return statusCode;
  }

  /**
   * Returns the raw response body, or an empty string when no response arrived. Unlike the
   * message, the body is not redacted, so it contains whatever the server sent.
   */
  public String body() {
    return body;
  }

  /** Returns the response headers, or empty headers when no response arrived. */
  public HttpHeaders headers() {
    return headers;
  }
}
