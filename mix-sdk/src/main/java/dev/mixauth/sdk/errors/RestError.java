package dev.mixauth.sdk.errors;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Objects;

/**
 * The {@code error} object of the server's error envelope, {@code {"error": {"code": 400,
 * "message": "…", "type": "validation_error"}}}.
 *
 * @param code the HTTP status code, repeated by the server
 * @param message a sentence for a person: what failed, on which value, what to do
 * @param type {@code bad_request}, {@code validation_error}, {@code unauthorized}, {@code
 *     not_found} or {@code internal_error}. It is a string so that a newer server's value still
 *     reads.
 */
public record RestError(
    @JsonProperty(value = "code", required = true) int code, String message, String type) {

  public RestError {
    Objects.requireNonNull(message, "message");
    Objects.requireNonNull(type, "type");
  }
}
