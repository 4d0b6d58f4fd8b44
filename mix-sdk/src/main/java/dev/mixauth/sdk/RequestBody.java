package dev.mixauth.sdk;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mixauth.sdk.models.SecretHint;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

/**
 * A request body as sent, its form with secrets replaced by hints, and the secret values, so that
 * no message or event of the call shows them.
 */
final class RequestBody {

  /** JSON fields whose values are secrets wherever they appear in a request body. */
  static final Set<String> SECRET_FIELDS = Set.of("api_key", "apiKey", "code", "state");

  /**
   * Shortest secret that {@link #scrub(String)} replaces. Shorter values are not real keys, codes
   * or states, and replacing every occurrence of, say, "c" would garble the message.
   */
  static final int MIN_SCRUBBED_LENGTH = 8;

  private static final RequestBody EMPTY = new RequestBody(null, "", List.of());

  private final String json;
  private final String redactedJson;
  private final List<String> secrets;

  private RequestBody(String json, String redactedJson, List<String> secrets) {
    this.json = json;
    this.redactedJson = redactedJson;
    this.secrets = secrets;
  }

  /** Serialises {@code body}, or returns the empty body when {@code body} is null. */
  static RequestBody of(ObjectMapper mapper, Object body) {
    if (body == null) {
      return EMPTY;
    }

    ObjectNode tree = mapper.valueToTree(body);
    String json = write(mapper, tree);

    List<String> secrets = new ArrayList<>();
    for (String field : SECRET_FIELDS) {
      if (tree.hasNonNull(field)) {
        String value = tree.get(field).asText();
        secrets.add(value);
        tree.put(field, SecretHint.of(value));
      }
    }
    // Longer secrets first, so that a secret that contains another is replaced whole.
    secrets.sort(Comparator.comparingInt(String::length).reversed());

    return new RequestBody(json, write(mapper, tree), List.copyOf(secrets));
  }

  /** Returns the JSON to send, or {@code null} when the request has no body. */
  String json() {
    return json;
  }

  /** Returns the JSON with secret fields replaced by hints, or "" when there is no body. */
  String redactedJson() {
    return redactedJson;
  }

  /**
   * Returns {@code text} with every secret of this body that has at least {@value
   * #MIN_SCRUBBED_LENGTH} characters replaced by its hint.
   */
  String scrub(String text) {
    if (text == null) {
      return null;
    }
    String result = text;
    for (String secret : secrets) {
      if (secret.length() >= MIN_SCRUBBED_LENGTH) {
        result = result.replace(secret, SecretHint.of(secret));
      }
    }
    return result;
  }

  private static String write(ObjectMapper mapper, ObjectNode tree) {
    try {
      return mapper.writeValueAsString(tree);
    } catch (JsonProcessingException e) {
      // A tree built by valueToTree always serialises, so this is a bug in the SDK.
      throw new IllegalStateException("failed to serialise a request body", e);
    }
  }
}
