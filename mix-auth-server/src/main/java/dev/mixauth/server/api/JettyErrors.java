package dev.mixauth.server.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * Responds to the requests that Jetty rejects before they reach a route (an ambiguous or malformed
 * URI, a bad header) with the same error envelope as every other error, instead of an HTML page.
 */
final class JettyErrors extends ErrorHandler {
  private final ObjectMapper json;

  JettyErrors(ObjectMapper json) {
    this.json = json;
  }

  @Override
  protected void generateResponse(
      Request request, Response response, int code, String message, Throwable cause, Callback callback)
      throws IOException {
    response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json; charset=utf-8");
    response.write(true, ByteBuffer.wrap(envelope(code, message)), callback);
  }

  @Override
  public ByteBuffer badMessageError(int status, String reason, HttpFields.Mutable fields) {
    fields.put(HttpHeader.CONTENT_TYPE, "application/json; charset=utf-8");
    return ByteBuffer.wrap(envelope(status, reason));
  }

  private byte[] envelope(int code, String reason) {
    Map<String, Object> error = new LinkedHashMap<>();
    error.put("code", code);
    error.put("message", "The request was rejected before it reached the API (HTTP " + code
        + (reason == null || reason.isBlank() ? "" : ": " + reason) + "); check the URL and headers.");
    error.put("type", errorType(code).wire());
    try {
      return json.writeValueAsString(Map.of("error", error)).getBytes(StandardCharsets.UTF_8);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("The error envelope always serialises", e);
    }
  }

  private static ErrorType errorType(int code) {
    if (code == 404) {
      return ErrorType.NOT_FOUND;
    }
    return code >= 500 ? ErrorType.INTERNAL_ERROR : ErrorType.BAD_REQUEST;
  }
}
