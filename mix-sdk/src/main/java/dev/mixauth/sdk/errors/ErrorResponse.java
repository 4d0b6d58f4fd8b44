package dev.mixauth.sdk.errors;

import java.net.http.HttpHeaders;

/**
 * An error status that the operation documents, such as 400 for {@code storeApiKey}, with the
 * server's error envelope.
 */
public class ErrorResponse extends MixException {

  private final RestError error;

  public ErrorResponse(
      String message, int statusCode, String body, HttpHeaders headers, RestError error) {
    super(message, statusCode, body, headers, null);
    this.error = error;
  }

  /** Returns the parsed {@code error} object of the response body. */
  public RestError error() {
    return error;
  }
}
