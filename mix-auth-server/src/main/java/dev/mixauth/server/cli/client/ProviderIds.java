package dev.mixauth.server.cli.client;

import dev.mixauth.sdk.models.Provider;
import java.util.Arrays;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** Provider ids as people type them on the command line. */
final class ProviderIds {
  private static final Pattern ID_SHAPE = Pattern.compile("[A-Za-z][A-Za-z0-9_-]{0,19}");

  private ProviderIds() {}

  /** Returns the ids that this SDK version lists, such as {@code anthropic, openai, openrouter}. */
  static String known() {
    return Arrays.stream(Provider.values()).map(Provider::value).collect(Collectors.joining(", "));
  }

  /** Returns the provider with this id, or empty for an unknown one. */
  static Optional<Provider> find(String id) {
    return Provider.fromValue(id);
  }

  /**
   * Returns {@code value} quoted when it has the shape of a provider id, else a placeholder. A
   * long value may be an API key typed in the wrong place, and must not be printed.
   */
  static String quoteIfId(String value) {
    return value != null && ID_SHAPE.matcher(value).matches() ? "'" + value + "'" : "(not shown: it may be a key)";
  }
}
