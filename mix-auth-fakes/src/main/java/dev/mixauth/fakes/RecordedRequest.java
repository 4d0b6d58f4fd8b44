package dev.mixauth.fakes;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * One request as the fake received it, for assertions such as "the exchange body carried {@code
 * state}" or "the content type was form encoding". The body may contain codes, verifiers and
 * tokens, so {@link #toString()} shows only the method, path, content type and body length.
 */
public final class RecordedRequest {

  private final String method;
  private final String path;
  private final String query;
  private final Map<String, List<String>> headers;
  private final String body;

  RecordedRequest(
      String method, String path, String query, Map<String, List<String>> headers, String body) {
    this.method = method;
    this.path = path;
    this.query = query == null ? "" : query;
    TreeMap<String, List<String>> copy = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    headers.forEach((name, values) -> copy.put(name, List.copyOf(values)));
    this.headers = Collections.unmodifiableMap(copy);
    this.body = body == null ? "" : body;
  }

  public String method() {
    return method;
  }

  public String path() {
    return path;
  }

  /** Returns the raw query string without {@code ?}, or an empty string. */
  public String query() {
    return query;
  }

  /** Returns all headers; lookups in the map ignore the case of the name. */
  public Map<String, List<String>> headers() {
    return headers;
  }

  /** Returns the first value of the header, ignoring the case of the name. */
  public Optional<String> header(String name) {
    List<String> values = headers.get(name);
    return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
  }

  /** Returns the {@code Content-Type} header, or an empty string when there is none. */
  public String contentType() {
    return header("Content-Type").orElse("");
  }

  /** Returns the body as UTF-8 text, or an empty string. */
  public String body() {
    return body;
  }

  /**
   * Returns the body's top-level parameters: the fields of a JSON object or the pairs of a form
   * body, chosen by the content type. JSON values that are not strings appear as JSON text.
   *
   * @throws IllegalStateException if the body is not a JSON object or a form body
   */
  public Map<String, String> bodyParameters() {
    try {
      return RequestBodies.parseLenient(contentType(), body);
    } catch (OAuthException e) {
      throw new IllegalStateException(
          "Body of " + method + " " + path + " is not a JSON object or a form: " + e.description(),
          e);
    }
  }

  @Override
  public String toString() {
    return "RecordedRequest["
        + method
        + " "
        + path
        + ", contentType="
        + contentType()
        + ", bodyLength="
        + body.length()
        + "]";
  }
}
