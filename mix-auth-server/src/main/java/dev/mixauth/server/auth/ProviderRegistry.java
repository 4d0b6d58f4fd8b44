package dev.mixauth.server.auth;

import dev.mixauth.server.errors.MixAuthException;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The supported providers, in the order status reports them. Adding a provider is one entry in
 * {@link #defaults()}.
 *
 * <p>Provider ids are matched exactly: lowercase, no surrounding whitespace, as the API contract
 * fixes them. A near miss such as {@code Anthropic} or {@code " openai "} is rejected with the
 * closest id, never silently corrected, so every route applies one rule.
 */
public final class ProviderRegistry {
  private final Map<String, ProviderInfo> providers;
  private final List<ProviderInfo> ordered;

  public ProviderRegistry(List<ProviderInfo> providers) {
    Map<String, ProviderInfo> byId = new LinkedHashMap<>();
    for (ProviderInfo provider : providers) {
      byId.put(provider.id(), provider);
    }
    this.providers = Map.copyOf(byId);
    this.ordered = List.copyOf(providers);
  }

  /** Returns Anthropic, OpenAI and OpenRouter. The model lists are defaults for the preferences. */
  public static ProviderRegistry defaults() {
    return new ProviderRegistry(
        List.of(
            new ProviderInfo(
                "anthropic",
                "Anthropic",
                "ANTHROPIC_API_KEY",
                List.of("sk-ant-api03-", "sk-ant-admin01-", "sk-ant-"),
                ProviderInfo.OAuthKind.PASTE_CODE,
                List.of("claude-opus-4-5", "claude-sonnet-4-5", "claude-haiku-4-5")),
            new ProviderInfo(
                "openai",
                "OpenAI",
                "OPENAI_API_KEY",
                List.of("sk-proj-", "sk-svcacct-", "sk-admin-"),
                ProviderInfo.OAuthKind.LOCALHOST_CALLBACK,
                List.of("gpt-5", "gpt-5-mini", "o3")),
            new ProviderInfo(
                "openrouter",
                "OpenRouter",
                "OPENROUTER_API_KEY",
                List.of("sk-or-v1-", "sk-or-"),
                ProviderInfo.OAuthKind.NONE,
                List.of("anthropic/claude-sonnet-4.5", "openai/gpt-5", "google/gemini-2.5-pro"))));
  }

  public Collection<ProviderInfo> all() {
    return ordered;
  }

  public List<String> ids() {
    return ordered.stream().map(ProviderInfo::id).toList();
  }

  public Optional<ProviderInfo> find(String id) {
    return Optional.ofNullable(id == null ? null : providers.get(id));
  }

  /**
   * Returns the provider with this exact id.
   *
   * @throws MixAuthException (invalid request) naming the allowed ids and the closest match
   */
  public ProviderInfo require(String id, String field) {
    if (id == null || id.isEmpty()) {
      throw MixAuthException.invalid(field + " is required; use one of " + String.join(", ", ids()) + ".");
    }
    ProviderInfo provider = providers.get(id);
    if (provider != null) {
      return provider;
    }
    throw MixAuthException.invalid(unknownMessage(id, field));
  }

  private String unknownMessage(String id, String field) {
    String shown = quote(id);
    String allowed = "Use one of " + String.join(", ", ids()) + " (lowercase, without spaces).";
    String closest = closest(id);
    if (closest == null) {
      return field + " " + shown + " is not a supported provider. " + allowed;
    }
    return field + " " + shown + " is not a supported provider; did you mean \"" + closest + "\"? " + allowed;
  }

  private String closest(String id) {
    String normalised = id.strip().toLowerCase(Locale.ROOT);
    String best = null;
    int bestDistance = Integer.MAX_VALUE;
    for (String candidate : ids()) {
      int distance = Levenshtein.distance(normalised, candidate);
      if (distance < bestDistance) {
        best = candidate;
        bestDistance = distance;
      }
    }
    return bestDistance <= 3 ? best : null;
  }

  private static String quote(String value) {
    String shortened = value.length() > 40 ? value.substring(0, 40) + "…" : value;
    StringBuilder out = new StringBuilder("\"");
    for (char c : shortened.toCharArray()) {
      if (c < 0x20 || c == 0x7f) {
        out.append(String.format("\\u%04x", (int) c));
      } else {
        out.append(c);
      }
    }
    return out.append('"').toString();
  }
}
