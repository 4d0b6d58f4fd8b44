package dev.mixauth.fakes;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import java.util.Optional;

/**
 * The fake OpenRouter API's {@code GET /api/v1/key}, which describes the calling key. mix-auth
 * calls it to check a key because OpenRouter's model list returns 200 for any key. It takes {@code
 * Authorization: Bearer KEY}.
 */
final class OpenRouterApi {

  private final ApiKeys keys;

  OpenRouterApi(ApiKeys keys) {
    this.keys = keys;
  }

  void key(Context ctx) {
    Optional<String> key = ApiKeys.bearerToken(ctx);
    if (key.isEmpty() || !keys.isAccepted(Provider.OPENROUTER, key.get())) {
      ObjectNode body = Json.object();
      ObjectNode error = body.putObject("error");
      error.put("message", "No auth credentials found");
      error.put("code", 401);
      Json.respond(ctx, 401, body);
      Dispatcher.outcome(ctx, key.isEmpty() ? "no API key" : "key rejected");
      return;
    }

    ObjectNode body = Json.object();
    ObjectNode data = body.putObject("data");
    data.put("label", TokenHints.hint(key.get()));
    data.put("usage", 0);
    data.putNull("limit");
    data.put("is_free_tier", false);
    Json.respond(ctx, 200, body);
    Dispatcher.outcome(ctx, "key accepted");
  }
}
