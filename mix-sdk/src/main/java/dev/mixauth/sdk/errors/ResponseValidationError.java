package dev.mixauth.sdk.errors;

import java.net.http.HttpHeaders;

/**
 * A 2XX response whose body does not match the operation's response model: not JSON, or a required
 * field missing, {@code null} or of the wrong type. The cause is the parser's exception.
 */
public class ResponseValidationError extends MixException {

  public ResponseValidationError(
      String message, int statusCode, String body, HttpHeaders headers, Throwable cause) {
    super(message, statusCode, body, headers, cause);
  }
}
