package dev.mixauth.server.api;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * A request body read strictly: {@code application/json} in UTF-8, at most {@link #MAX_BYTES},
 * one JSON object without duplicate keys, no fields beyond the ones the operation takes, and
 * fields of the right type. Every rejection is a 4XX that names the field.
 */
final class JsonBody {
  static final int MAX_BYTES = 16 * 1024;
  static final int MAX_STRING = 4096;

  private final ObjectNode node;

  private JsonBody(ObjectNode node) {
    this.node = node;
  }

  /**
   * Reads and checks the body of a request.
   *
   * @param allowed the fields the operation takes; any other field is a 400
   */
  static JsonBody read(Context ctx, ObjectMapper json, Set<String> allowed) {
    byte[] bytes = ctx.bodyAsBytes();
    if (bytes.length == 0) {
      throw ApiError.badRequest(
          "The request body is empty; send a JSON object with the fields " + String.join(", ", sorted(allowed)) + ".");
    }
    requireJsonContentType(ctx);
    if (bytes.length > MAX_BYTES) {
      throw new ApiError(413, ErrorType.BAD_REQUEST,
          "The request body is " + bytes.length + " bytes, more than the limit of " + MAX_BYTES + " bytes.");
    }
    String text = decodeUtf8(bytes);
    JsonNode parsed;
    try {
      parsed = json.readTree(text);
    } catch (JsonParseException e) {
      throw ApiError.badRequest("The request body is not valid JSON: " + e.getOriginalMessage() + ".");
    } catch (JsonProcessingException e) {
      throw ApiError.badRequest("The request body is not valid JSON: " + e.getOriginalMessage() + ".");
    }
    if (parsed == null || !parsed.isObject()) {
      throw ApiError.badRequest("The request body must be a JSON object, such as {\"provider\": \"anthropic\"}.");
    }
    ObjectNode object = (ObjectNode) parsed;
    rejectUnknownFields(object, allowed);
    return new JsonBody(object);
  }

  /** Checks the content type of a request that should carry no body, if it carries one anyway. */
  static void readEmpty(Context ctx, ObjectMapper json) {
    byte[] bytes = ctx.bodyAsBytes();
    if (bytes.length == 0) {
      return;
    }
    JsonBody body = read(ctx, json, Set.of());
    if (body.node.size() > 0) {
      throw ApiError.validation("This operation takes no request body; send none, or an empty JSON object.");
    }
  }

  /** Returns a required string field. */
  String requiredString(String field) {
    String value = optionalString(field);
    if (value == null) {
      throw ApiError.validation(field + " is required.");
    }
    return value;
  }

  /** Returns a string field, or null when it is absent; an explicit null or another type is a 400. */
  String optionalString(String field) {
    JsonNode value = node.get(field);
    if (value == null) {
      return null;
    }
    if (!value.isTextual()) {
      throw ApiError.validation(field + " must be a string, got " + describe(value) + ".");
    }
    String text = value.textValue();
    if (text.length() > MAX_STRING) {
      throw ApiError.validation(field + " is " + text.length() + " characters long, more than the limit of "
          + MAX_STRING + ".");
    }
    return text;
  }

  /** Returns an integer field, or null when it is absent. */
  Integer optionalInteger(String field) {
    JsonNode value = node.get(field);
    if (value == null) {
      return null;
    }
    if (!value.isIntegralNumber() || !value.canConvertToInt()) {
      throw ApiError.validation(field + " must be a whole number, got " + describe(value) + ".");
    }
    return value.intValue();
  }

  private static void requireJsonContentType(Context ctx) {
    String contentType = ctx.header("Content-Type");
    if (contentType == null || contentType.isBlank()) {
      throw new ApiError(415, ErrorType.BAD_REQUEST,
          "The request has a body but no Content-Type; send it as application/json.");
    }
    String[] parts = contentType.toLowerCase(Locale.ROOT).split(";");
    if (!parts[0].strip().equals("application/json")) {
      throw new ApiError(415, ErrorType.BAD_REQUEST,
          "The Content-Type is " + shorten(contentType) + "; send the body as application/json.");
    }
    for (int i = 1; i < parts.length; i++) {
      String parameter = parts[i].strip();
      if (parameter.startsWith("charset=")) {
        String charset = parameter.substring("charset=".length()).replace("\"", "");
        if (!charset.equals("utf-8") && !charset.equals("utf8")) {
          throw new ApiError(415, ErrorType.BAD_REQUEST,
              "The body's charset is " + shorten(charset) + "; send it as UTF-8.");
        }
      }
    }
  }

  private static String decodeUtf8(byte[] bytes) {
    try {
      return StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes))
          .toString();
    } catch (CharacterCodingException e) {
      throw ApiError.badRequest("The request body is not valid UTF-8; send it encoded as UTF-8.");
    }
  }

  private static void rejectUnknownFields(ObjectNode object, Set<String> allowed) {
    Iterator<String> names = object.fieldNames();
    while (names.hasNext()) {
      String name = names.next();
      if (!allowed.contains(name)) {
        String expected = allowed.isEmpty() ? "no fields" : "only " + String.join(", ", sorted(allowed));
        throw ApiError.validation("Unknown field \"" + shorten(name) + "\"; this operation takes " + expected + ".");
      }
    }
  }

  private static String describe(JsonNode value) {
    if (value.isNull()) {
      return "null";
    }
    if (value.isTextual()) {
      return "a string";
    }
    if (value.isNumber()) {
      return "a number";
    }
    if (value.isBoolean()) {
      return "a boolean";
    }
    if (value.isArray()) {
      return "an array";
    }
    return "an object";
  }

  private static List<String> sorted(Set<String> names) {
    return names.stream().sorted().toList();
  }

  private static String shorten(String value) {
    String printable = value.replaceAll("\\p{Cntrl}", "?");
    return printable.length() > 60 ? printable.substring(0, 60) + "…" : printable;
  }
}
