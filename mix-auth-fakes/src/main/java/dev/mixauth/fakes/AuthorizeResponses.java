package dev.mixauth.fakes;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;

/**
 * Content negotiation for the authorize endpoints, which a browser, a script or a test may call.
 * {@code Accept: text/plain} gets plain text, {@code application/json} gets JSON, and anything else
 * gets HTML.
 */
final class AuthorizeResponses {

  private AuthorizeResponses() {}

  static boolean wantsPlainText(Context ctx) {
    String accept = ctx.header("Accept");
    return accept != null && accept.contains("text/plain");
  }

  static boolean wantsJson(Context ctx) {
    String accept = ctx.header("Accept");
    return accept != null && accept.contains("application/json") && !accept.contains("text/html");
  }

  /** Sends an authorize error as a 400 without a code, in the format the client accepts. */
  static void error(Context ctx, OAuthException error) {
    ctx.status(error.status());
    ctx.header("Cache-Control", "no-store");

    if (wantsPlainText(ctx)) {
      ctx.contentType("text/plain; charset=utf-8");
      ctx.result(error.error() + ": " + error.description() + "\n");
    } else if (wantsJson(ctx)) {
      ObjectNode body = Json.object();
      body.put("error", error.error());
      body.put("error_description", error.description());
      ctx.contentType("application/json");
      ctx.result(Json.write(body));
    } else {
      ctx.contentType("text/html; charset=utf-8");
      ctx.result(HtmlPages.authorizeErrorPage(error.error(), error.description()));
    }

    Dispatcher.outcome(ctx, error.error() + ": " + error.description());
  }
}
