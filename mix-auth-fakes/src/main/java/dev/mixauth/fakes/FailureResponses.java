package dev.mixauth.fakes;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import java.time.Duration;

/** Sends the response of a {@link Failure} in place of an endpoint's normal one. */
final class FailureResponses {

  private FailureResponses() {}

  /**
   * Applies the failure. Returns true when the failure has sent a response or dropped the
   * connection, and false when the endpoint must still send its normal response, as after {@link
   * Failure.Kind#SLOW}.
   */
  static boolean apply(Failure failure, Context ctx) {
    switch (failure.kind()) {
      case EMPTY_SERVER_ERROR:
        ctx.status(500);
        ctx.result("");
        // Javalin applies its default content type, text/plain, so clear it for a bare 500.
        ctx.res().setContentType(null);
        return true;
      case SERVER_ERROR:
        serverError(ctx, failure.status());
        return true;
      case HTML_PAGE:
        html(ctx, 200, HtmlPages.signInPage());
        return true;
      case CHALLENGE_PAGE:
        ctx.header("cf-mitigated", "challenge");
        html(ctx, 403, HtmlPages.challengePage());
        return true;
      case NOT_FOUND:
        html(ctx, 404, HtmlPages.notFoundPage());
        return true;
      case RATE_LIMITED:
        rateLimited(ctx, failure.duration());
        return true;
      case SLOW:
        return delayUnlessInterrupted(ctx, failure.duration());
      case DROP_CONNECTION:
        Connections.drop(ctx);
        return true;
      case INVALID_GRANT:
        Json.respondOAuthError(
            ctx, OAuthException.invalidGrant("Grant rejected by an injected failure"));
        return true;
      default:
        throw new IllegalStateException("Unhandled failure kind " + failure.kind());
    }
  }

  private static void serverError(Context ctx, int status) {
    ObjectNode body = Json.object();
    ObjectNode error = body.putObject("error");
    error.put("type", "server_error");
    error.put("message", "The service is temporarily unavailable (status " + status + ")");
    Json.respond(ctx, status, body);
  }

  private static void rateLimited(Context ctx, Duration retryAfter) {
    long seconds = retryAfter.toSeconds() + (retryAfter.toNanosPart() > 0 ? 1 : 0);
    ctx.header("Retry-After", Long.toString(seconds));

    ObjectNode body = Json.object();
    ObjectNode error = body.putObject("error");
    error.put("type", "rate_limit_error");
    error.put("message", "Rate limit exceeded, retry after " + seconds + " seconds");
    Json.respond(ctx, 429, body);
  }

  private static void html(Context ctx, int status, String page) {
    ctx.status(status);
    ctx.contentType("text/html; charset=utf-8");
    ctx.result(page);
  }

  /**
   * Waits for the delay and returns false, so the normal response follows. If the wait is
   * interrupted, which happens when the server stops, it sends a 503 and returns true.
   */
  private static boolean delayUnlessInterrupted(Context ctx, Duration delay) {
    try {
      Thread.sleep(delay.toMillis());
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      serverError(ctx, 503);
      return true;
    }
  }
}
