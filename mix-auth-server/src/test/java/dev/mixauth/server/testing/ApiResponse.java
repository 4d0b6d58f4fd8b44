package dev.mixauth.server.testing;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpHeaders;

/** One response of the server under test, with its body parsed when it is JSON. */
public record ApiResponse(int status, String body, JsonNode json, HttpHeaders headers) {

  public String text(String field) {
    JsonNode value = json.get(field);
    return value == null ? null : value.asText();
  }

  public String errorMessage() {
    return json.path("error").path("message").asText();
  }

  public String errorType() {
    return json.path("error").path("type").asText();
  }

  @Override
  public String toString() {
    return "HTTP " + status + " " + body;
  }
}
