package dev.mixauth.sdk.errors;

import java.net.http.HttpHeaders;

/**
 * A 4XX or 5XX status that the operation does not document, or an error response whose body is not
 * the JSON error envelope. Other statuses outside 2XX, such as an unfollowed redirect, also end
 * here.
 */
public class MixDefaultError extends MixException {

  public MixDefaultError(String message, int statusCode, String body, HttpHeaders headers) {
    super(message, statusCode, body, headers, null);
  }
}
