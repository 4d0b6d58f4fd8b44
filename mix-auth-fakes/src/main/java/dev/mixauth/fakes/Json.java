package dev.mixauth.fakes;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;

/** The shared Jackson mapper and the helpers that write JSON responses. */
final class Json {

  /** Rejects duplicate keys, which RFC 6749 section 3.1 forbids for request parameters. */
  static final ObjectMapper MAPPER =
      new ObjectMapper().enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

  private Json() {}

  static ObjectNode object() {
    return MAPPER.createObjectNode();
  }

  /** Writes the node as the response body with the status and {@code application/json}. */
  static void respond(Context ctx, int status, ObjectNode body) {
    ctx.status(status);
    ctx.contentType("application/json");
    ctx.result(write(body));
  }

  /** Writes an OAuth error body: {@code {"error": …, "error_description": …}}. */
  static void respondOAuthError(Context ctx, OAuthException error) {
    ObjectNode body = object();
    body.put("error", error.error());
    body.put("error_description", error.description());
    respond(ctx, error.status(), body);
  }

  static String write(ObjectNode node) {
    try {
      return MAPPER.writeValueAsString(node);
    } catch (JsonProcessingException e) {
      // An ObjectNode built in memory always serializes.
      throw new IllegalStateException("Could not write a JSON object", e);
    }
  }
}
