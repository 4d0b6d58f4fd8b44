package dev.mixauth.fakes;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Parses token and revoke request bodies into parameters. Both formats reject a parameter that
 * appears twice, as RFC 6749 section 3.1 requires.
 */
final class RequestBodies {

  static final String JSON_TYPE = "application/json";
  static final String FORM_TYPE = "application/x-www-form-urlencoded";

  private RequestBodies() {}

  /**
   * Parses a body whose format must be one that {@code accepted} allows. JSON values must be
   * strings, and a JSON {@code null} counts as absent.
   *
   * @throws OAuthException {@code invalid_request} for a format that is not accepted or a body that
   *     does not parse
   */
  static Map<String, String> parse(String contentType, String body, BodyFormat accepted) {
    String mediaType = mediaType(contentType);

    if (mediaType.equals(JSON_TYPE) && accepted.acceptsJson()) {
      return parseJson(body, true);
    }
    if (mediaType.equals(FORM_TYPE) && accepted.acceptsForm()) {
      return parseForm(body);
    }

    String actual = mediaType.isEmpty() ? "no Content-Type" : "'" + mediaType + "'";
    throw OAuthException.invalidRequest(
        "Content-Type must be " + describe(accepted) + ", got " + actual);
  }

  /**
   * Parses a body by its content type, or by its first character when the type is neither JSON nor
   * form encoding. Non-string JSON values are returned as JSON text.
   */
  static Map<String, String> parseLenient(String contentType, String body) {
    String mediaType = mediaType(contentType);
    boolean looksLikeJson =
        mediaType.equals(JSON_TYPE)
            || (!mediaType.equals(FORM_TYPE) && body.strip().startsWith("{"));
    return looksLikeJson ? parseJson(body, false) : parseForm(body);
  }

  /** Parses {@code a=1&b=2}, decoding percent escapes and {@code +} as UTF-8 form encoding. */
  static Map<String, String> parseForm(String body) {
    Map<String, String> parameters = new LinkedHashMap<>();
    if (body == null || body.isEmpty()) {
      return parameters;
    }

    for (String pair : body.split("&")) {
      if (pair.isEmpty()) {
        continue;
      }
      int equals = pair.indexOf('=');
      String name = decode(equals < 0 ? pair : pair.substring(0, equals));
      String value = equals < 0 ? "" : decode(pair.substring(equals + 1));
      putOnce(parameters, name, value);
    }
    return parameters;
  }

  /**
   * Flattens a query parameter map, rejecting a parameter given more than once.
   *
   * @throws OAuthException {@code invalid_request} naming the repeated parameter
   */
  static Map<String, String> singleValued(Map<String, List<String>> parameters) {
    Map<String, String> single = new LinkedHashMap<>();
    for (Map.Entry<String, List<String>> entry : parameters.entrySet()) {
      if (entry.getValue().size() > 1) {
        throw OAuthException.invalidRequest(
            "Parameter " + entry.getKey() + " must not appear more than once");
      }
      single.put(entry.getKey(), entry.getValue().isEmpty() ? "" : entry.getValue().get(0));
    }
    return single;
  }

  private static Map<String, String> parseJson(String body, boolean requireStrings) {
    JsonNode root;
    try {
      root = Json.MAPPER.readTree(body == null ? "" : body);
    } catch (JsonProcessingException e) {
      throw new OAuthException(
          400, "invalid_request", "Body is not valid JSON: " + e.getOriginalMessage(), e);
    }
    if (root == null || !root.isObject()) {
      throw OAuthException.invalidRequest("Body must be a JSON object");
    }

    Map<String, String> parameters = new LinkedHashMap<>();
    Iterator<Map.Entry<String, JsonNode>> fields = root.fields();
    while (fields.hasNext()) {
      Map.Entry<String, JsonNode> field = fields.next();
      JsonNode value = field.getValue();

      if (!requireStrings) {
        parameters.put(field.getKey(), value.isTextual() ? value.textValue() : value.toString());
      } else if (value.isTextual()) {
        parameters.put(field.getKey(), value.textValue());
      } else if (!value.isNull()) {
        throw OAuthException.invalidRequest(
            "Field " + field.getKey() + " must be a string, got " + value.getNodeType());
      }
    }
    return parameters;
  }

  private static void putOnce(Map<String, String> parameters, String name, String value) {
    if (parameters.putIfAbsent(name, value) != null) {
      throw OAuthException.invalidRequest("Parameter " + name + " must not appear more than once");
    }
  }

  private static String decode(String text) {
    try {
      return URLDecoder.decode(text, StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      throw new OAuthException(
          400, "invalid_request", "Form body has an invalid percent escape", e);
    }
  }

  private static String mediaType(String contentType) {
    if (contentType == null) {
      return "";
    }
    int semicolon = contentType.indexOf(';');
    String type = semicolon < 0 ? contentType : contentType.substring(0, semicolon);
    return type.trim().toLowerCase(Locale.ROOT);
  }

  private static String describe(BodyFormat accepted) {
    switch (accepted) {
      case JSON:
        return JSON_TYPE;
      case FORM:
        return FORM_TYPE;
      default:
        return JSON_TYPE + " or " + FORM_TYPE;
    }
  }
}
