package dev.mixauth.sdk;

import java.time.Duration;

/**
 * Receives an event before and after every HTTP attempt, for logging or metrics. The SDK itself
 * logs nothing.
 *
 * <p>Both methods run on the thread that makes the call, so they should return quickly. An
 * exception they throw propagates to the caller and ends the call. Events never contain secrets:
 * the request body shows API keys, OAuth codes and states as hints such as {@code sk-or-…a9F2}, and
 * events carry no headers.
 */
public interface MixListener {

  /** Called just before an attempt is sent. */
  default void onRequest(RequestEvent event) {}

  /** Called when an attempt got a response, or failed without one. */
  default void onResponse(ResponseEvent event) {}

  /**
   * An attempt about to be sent.
   *
   * @param operation the operation name, such as {@code storeApiKey}
   * @param method the HTTP method
   * @param path the request path, such as {@code /api/auth/api-key}
   * @param attempt the attempt number, 1 for the first
   * @param body the JSON body with secret fields replaced by hints, or "" when there is no body
   */
  record RequestEvent(String operation, String method, String path, int attempt, String body) {}

  /**
   * The outcome of one attempt.
   *
   * @param operation the operation name, such as {@code storeApiKey}
   * @param method the HTTP method
   * @param path the request path
   * @param attempt the attempt number, 1 for the first
   * @param statusCode the response status, or 0 when no response arrived
   * @param duration the time from sending the request to receiving the response or the failure
   * @param failure the exception class and message when no response arrived, otherwise ""
   */
  record ResponseEvent(
      String operation,
      String method,
      String path,
      int attempt,
      int statusCode,
      Duration duration,
      String failure) {}
}
