package dev.mixauth.server.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Checks responses against the OpenAPI document the server serves: the operation must list the
 * status, and the body must match that status's schema.
 */
public final class OpenApiContract {
  private static final OpenApiContract INSTANCE = new OpenApiContract();

  private final JsonNode document;
  private final JsonSchemaFactory factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);

  private OpenApiContract() {
    try (InputStream in = OpenApiContract.class.getResourceAsStream("/openapi.yaml")) {
      document = new ObjectMapper(new YAMLFactory()).readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static OpenApiContract get() {
    return INSTANCE;
  }

  /**
   * Returns the problems of a response, or an empty string when it matches.
   *
   * @param template the OpenAPI path template, such as {@code /api/auth/{provider}}
   */
  public String check(String method, String template, int status, JsonNode body) {
    JsonNode operation = document.path("paths").path(template).path(method.toLowerCase());
    if (operation.isMissingNode()) {
      return status >= 400 ? checkEnvelope(body) : "the document has no operation " + method + " " + template;
    }
    JsonNode response = operation.path("responses").path(Integer.toString(status));
    String pointer = "/paths/" + escape(template) + "/" + method.toLowerCase() + "/responses/" + status;
    if (response.isMissingNode()) {
      if (status < 400) {
        return method + " " + template + " does not list status " + status;
      }
      return checkEnvelope(body);
    }
    if (response.has("$ref")) {
      pointer = response.get("$ref").asText().substring(1);
      response = document.at(pointer);
    }
    JsonNode schema = response.path("content").path("application/json").path("schema");
    if (schema.isMissingNode()) {
      return "";
    }
    ObjectNode root = document.deepCopy();
    root.put("$ref", "#" + pointer + "/content/application~1json/schema");
    JsonSchema validator = factory.getSchema(root);
    Set<ValidationMessage> problems = validator.validate(body);
    return problems.stream().map(ValidationMessage::getMessage).collect(Collectors.joining("; "));
  }

  /** Returns the problems of an error body measured against the envelope schema. */
  public String checkEnvelope(JsonNode body) {
    ObjectNode root = document.deepCopy();
    root.put("$ref", "#/components/schemas/ErrorResponse");
    Set<ValidationMessage> problems = factory.getSchema(root).validate(body);
    String extra = body.path("error").path("code").isInt() ? "" : "error.code is not an integer";
    return problems.stream().map(ValidationMessage::getMessage).collect(Collectors.joining("; ")) + extra;
  }

  private static String escape(String template) {
    return template.replace("~", "~0").replace("/", "~1");
  }
}
