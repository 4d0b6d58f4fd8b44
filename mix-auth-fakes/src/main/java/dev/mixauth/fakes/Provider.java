package dev.mixauth.fakes;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** A provider that {@link FakeProviders} imitates, with the id that mix-auth uses for it. */
public enum Provider {
  ANTHROPIC("anthropic"),
  OPENAI("openai"),
  OPENROUTER("openrouter");

  private final String id;

  Provider(String id) {
    this.id = id;
  }

  /** Returns the lower-case id, such as {@code anthropic}. */
  public String id() {
    return id;
  }

  /**
   * Returns the provider with this id, ignoring case and surrounding whitespace.
   *
   * @throws IllegalArgumentException if no provider has this id, with a message that lists the
   *     known ids
   */
  public static Provider fromId(String id) {
    String normalised = id == null ? "" : id.trim().toLowerCase(Locale.ROOT);
    for (Provider provider : values()) {
      if (provider.id.equals(normalised)) {
        return provider;
      }
    }
    String known = Arrays.stream(values()).map(Provider::id).collect(Collectors.joining(", "));
    throw new IllegalArgumentException(
        "Unknown provider '" + id + "'. Expected one of: " + known + ".");
  }
}
