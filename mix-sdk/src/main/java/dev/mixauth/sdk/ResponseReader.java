package dev.mixauth.sdk;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import dev.mixauth.sdk.errors.ErrorResponse;
import dev.mixauth.sdk.errors.MixDefaultError;
import dev.mixauth.sdk.errors.ResponseValidationError;
import dev.mixauth.sdk.errors.RestError;
import java.net.http.HttpResponse;
import java.util.Optional;
import java.util.stream.Collectors;

/** Turns a final HTTP response into the operation's result or the matching exception. */
final class ResponseReader {

  /** Maximum number of characters of an unparsed error body in an exception message. */
  private static final int MAX_BODY_IN_MESSAGE = 200;

  /** The error envelope, {@code {"error": {...}}}. */
  record ErrorEnvelope(@JsonProperty("error") RestError error) {}

  private final ObjectMapper mapper;

  ResponseReader(ObjectMapper mapper) {
    this.mapper = mapper;
  }

  /**
   * Parses a 2XX body as {@code type}, or throws the exception for any other status.
   *
   * @throws ErrorResponse for a status that {@code operation} documents, with a valid envelope
   * @throws MixDefaultError for any other status outside 2XX
   * @throws ResponseValidationError for a 2XX body that does not match {@code type}
   */
  <T> T read(
      Operation operation, HttpResponse<String> response, JavaType type, RequestBody request) {
    int status = response.statusCode();
    if (status >= 200 && status <= 299) {
      return parseSuccess(operation, response, type, request);
    }

    Optional<RestError> error = parseEnvelope(response.body());
    if (error.isPresent()) {
      String message = failedWith(operation, status, error.get(), request);
      if (operation.errorStatuses().contains(status)) {
        throw new ErrorResponse(message, status, response.body(), response.headers(), error.get());
      }
      throw new MixDefaultError(message, status, response.body(), response.headers());
    }

    String message =
        operation.name()
            + " failed with status "
            + status
            + " and a body that is not the JSON error envelope: "
            + excerpt(request.scrub(response.body()));
    throw new MixDefaultError(message, status, response.body(), response.headers());
  }

  private <T> T parseSuccess(
      Operation operation, HttpResponse<String> response, JavaType type, RequestBody request) {
    String problem;
    JsonProcessingException cause = null;
    try {
      T value = mapper.readValue(response.body(), type);
      if (value != null) {
        return value;
      }
      problem = "the body is JSON null";
    } catch (JsonProcessingException e) {
      cause = e;
      problem = describe(e);
    }

    String message =
        operation.name()
            + " returned status "
            + response.statusCode()
            + " with a body that does not match "
            + type.getRawClass().getSimpleName()
            + ": "
            + request.scrub(problem);
    throw new ResponseValidationError(
        message, response.statusCode(), response.body(), response.headers(), cause);
  }

  private Optional<RestError> parseEnvelope(String body) {
    try {
      ErrorEnvelope envelope = mapper.readValue(body, ErrorEnvelope.class);
      return Optional.ofNullable(envelope).map(ErrorEnvelope::error);
    } catch (JsonProcessingException e) {
      return Optional.empty(); // the caller reports the body as not the envelope
    }
  }

  private static String failedWith(
      Operation operation, int status, RestError error, RequestBody request) {
    return operation.name()
        + " failed with status "
        + status
        + " ("
        + error.type()
        + "): "
        + request.scrub(error.message());
  }

  private static String describe(JsonProcessingException e) {
    String detail = e.getOriginalMessage();
    if (e instanceof ValueInstantiationException
        && e.getCause() instanceof IllegalArgumentException) {
      detail = e.getCause().getMessage(); // a record's own check, clearer than Jackson's wrapper
    }
    if (e instanceof JsonMappingException && !((JsonMappingException) e).getPath().isEmpty()) {
      String path =
          ((JsonMappingException) e)
              .getPath().stream().map(ResponseReader::pathElement).collect(Collectors.joining("."));
      return "at '" + path + "': " + detail;
    }
    return detail;
  }

  private static String pathElement(JsonMappingException.Reference reference) {
    if (reference.getFieldName() != null) {
      return reference.getFieldName();
    }
    return "[" + reference.getIndex() + "]";
  }

  private static String excerpt(String body) {
    if (body == null || body.isEmpty()) {
      return "(empty body)";
    }
    if (body.length() <= MAX_BODY_IN_MESSAGE) {
      return body;
    }
    return body.substring(0, MAX_BODY_IN_MESSAGE) + "…";
  }
}
