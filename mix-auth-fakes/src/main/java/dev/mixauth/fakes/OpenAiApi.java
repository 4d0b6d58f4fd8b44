package dev.mixauth.fakes;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import java.util.Optional;

/**
 * The fake OpenAI API's {@code GET /v1/models}, which mix-auth calls to check an API key. Like
 * api.openai.com it takes {@code Authorization: Bearer KEY} and sends errors as {@code
 * {"error":{"message","type","param","code"}}}.
 */
final class OpenAiApi {

  private final ApiKeys keys;

  OpenAiApi(ApiKeys keys) {
    this.keys = keys;
  }

  void models(Context ctx) {
    Optional<String> key = ApiKeys.bearerToken(ctx);
    if (key.isEmpty()) {
      error(
          ctx,
          "You didn't provide an API key. You need to provide your API key in an Authorization"
              + " header using Bearer auth (i.e. Authorization: Bearer YOUR_KEY).",
          null);
      return;
    }
    if (!keys.isAccepted(Provider.OPENAI, key.get())) {
      error(ctx, "Incorrect API key provided", "invalid_api_key");
      return;
    }

    ObjectNode body = Json.object();
    body.put("object", "list");
    ObjectNode model = body.putArray("data").addObject();
    model.put("id", "gpt-4o");
    model.put("object", "model");
    model.put("created", 1715367049L);
    model.put("owned_by", "system");
    Json.respond(ctx, 200, body);
    Dispatcher.outcome(ctx, "key accepted");
  }

  private static void error(Context ctx, String message, String code) {
    ObjectNode body = Json.object();
    ObjectNode error = body.putObject("error");
    error.put("message", message);
    error.put("type", "invalid_request_error");
    error.putNull("param");
    if (code == null) {
      error.putNull("code");
    } else {
      error.put("code", code);
    }
    Json.respond(ctx, 401, body);
    Dispatcher.outcome(ctx, code == null ? "no API key" : code);
  }
}
