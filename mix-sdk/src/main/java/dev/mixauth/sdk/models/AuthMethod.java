package dev.mixauth.sdk.models;

import com.fasterxml.jackson.annotation.JsonValue;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;

/**
 * Kind of credential that authenticates a provider: OAuth tokens, an API key, or none.
 *
 * <p>A wire value that this SDK version lacks, for example one added by a newer server, reads as
 * {@link #UNKNOWN} instead of failing the response.
 */
@JsonDeserialize(using = AuthMethodDeserializer.class)
public enum AuthMethod {
  OAUTH("oauth"),
  API_KEY("api_key"),
  NONE("none"),
  /** A value that this SDK version does not know. It is never sent by the server as such. */
  UNKNOWN("unknown");

  private final String value;

  AuthMethod(String value) {
    this.value = value;
  }

  /** Returns the wire string, such as {@code api_key}. {@link #UNKNOWN} returns {@code unknown}. */
  @JsonValue
  public String value() {
    return value;
  }

  /**
   * Returns the method with this wire string, or {@link #UNKNOWN} for any other non-null string.
   *
   * @throws NullPointerException if {@code value} is null
   */
  public static AuthMethod fromValue(String value) {
    if (value == null) {
      throw new NullPointerException("auth method value is null");
    }
    for (AuthMethod method : values()) {
      if (method != UNKNOWN && method.value.equals(value)) {
        return method;
      }
    }
    return UNKNOWN;
  }
}
