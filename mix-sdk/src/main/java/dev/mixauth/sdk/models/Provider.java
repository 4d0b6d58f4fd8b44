package dev.mixauth.sdk.models;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Optional;

/**
 * A provider that this SDK version lists by name.
 *
 * <p>Responses keep provider ids as strings, because a newer server may report a provider that is
 * missing here (such as {@code gemini}). Use {@link #fromValue(String)} to map such a string.
 */
public enum Provider {
  ANTHROPIC("anthropic"),
  OPENAI("openai"),
  OPENROUTER("openrouter");

  private final String value;

  Provider(String value) {
    this.value = value;
  }

  /** Returns the case-sensitive id that the API uses on the wire, such as {@code openrouter}. */
  @JsonValue
  public String value() {
    return value;
  }

  /** Returns the provider with this wire id, or an empty optional for an id this SDK lacks. */
  public static Optional<Provider> fromValue(String value) {
    for (Provider provider : values()) {
      if (provider.value.equals(value)) {
        return Optional.of(provider);
      }
    }
    return Optional.empty();
  }
}
