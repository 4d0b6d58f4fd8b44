package dev.mixauth.fakes;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;

/**
 * The fake Anthropic API's {@code GET /v1/models}, which mix-auth calls to check an API key. Like
 * api.anthropic.com it needs the {@code x-api-key} header and {@code anthropic-version:
 * 2023-06-01}, and sends errors as {@code {"type":"error","error":{…}}} with a {@code request-id}
 * header.
 *
 * <p>NOTE: only {@code invalid x-api-key} is a known message of the real API. The messages for a
 * missing key or version header are approximations.
 */
final class AnthropicApi {

  static final String API_VERSION = "2023-06-01";

  private final ApiKeys keys;

  AnthropicApi(ApiKeys keys) {
    this.keys = keys;
  }

  void models(Context ctx) {
    ctx.header("request-id", RandomTokens.next("req_fake", 12));

    String key = ctx.header("x-api-key");
    if (key == null || key.isEmpty()) {
      error(ctx, 401, "authentication_error", "x-api-key header is required");
      return;
    }

    String version = ctx.header("anthropic-version");
    if (version == null || version.isEmpty()) {
      error(ctx, 400, "invalid_request_error", "anthropic-version: header is required");
      return;
    }
    if (!version.equals(API_VERSION)) {
      error(ctx, 400, "invalid_request_error", "anthropic-version: invalid version");
      return;
    }

    if (!keys.isAccepted(Provider.ANTHROPIC, key)) {
      error(ctx, 401, "authentication_error", "invalid x-api-key");
      return;
    }

    ObjectNode body = Json.object();
    ObjectNode model = body.putArray("data").addObject();
    model.put("id", "claude-sonnet-4-5");
    model.put("type", "model");
    model.put("display_name", "Claude Sonnet 4.5");
    body.put("has_more", false);
    Json.respond(ctx, 200, body);
    Dispatcher.outcome(ctx, "key accepted");
  }

  private static void error(Context ctx, int status, String type, String message) {
    ObjectNode body = Json.object();
    body.put("type", "error");
    ObjectNode error = body.putObject("error");
    error.put("type", type);
    error.put("message", message);
    Json.respond(ctx, status, body);
    Dispatcher.outcome(ctx, type + ": " + message);
  }
}
