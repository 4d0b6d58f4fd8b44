package dev.mixauth.server.auth;

import dev.mixauth.server.errors.MixAuthException;
import dev.mixauth.server.vault.Secret;
import java.util.Map;

/**
 * Cleans up a pasted API key and rejects what cannot be a key for the named provider, before
 * anything is stored or sent. Messages show at most a hint of the key.
 */
public final class ApiKeyFormat {
  public static final int MIN_LENGTH = 16;
  public static final int MAX_LENGTH = 512;

  /** Anthropic OAuth tokens are not API keys; they come from the sign-in flow. */
  private static final Map<String, String> OAUTH_TOKEN_PREFIXES =
      Map.of("sk-ant-oat01-", "an Anthropic OAuth access token", "sk-ant-ort01-", "an Anthropic OAuth refresh token");

  private final ProviderRegistry registry;

  public ApiKeyFormat(ProviderRegistry registry) {
    this.registry = registry;
  }

  /**
   * Returns the key without surrounding whitespace and without one pair of matching surrounding
   * quotes.
   *
   * @param field the request field, named in error messages
   * @throws MixAuthException (invalid request) when the key is empty, too short or too long,
   *     contains whitespace, control or non-ASCII characters, is an OAuth token, or looks like
   *     another provider's key
   */
  public Secret normalise(String raw, ProviderInfo provider, String field) {
    if (raw == null) {
      throw MixAuthException.invalid(field + " is required.");
    }
    String key = stripQuotes(raw.strip()).strip();
    if (key.isEmpty()) {
      throw MixAuthException.invalid(field + " is empty; paste the whole " + provider.displayName() + " API key.");
    }
    if (key.length() > MAX_LENGTH) {
      throw MixAuthException.invalid(
          field + " is " + key.length() + " characters long, more than the maximum of " + MAX_LENGTH
              + "; check that only one key was pasted.");
    }
    checkCharacters(key, field);
    if (key.length() < MIN_LENGTH) {
      throw MixAuthException.invalid(
          field + " is only " + key.length() + " characters long, shorter than any " + provider.displayName()
              + " API key (at least " + MIN_LENGTH + "); paste the whole key.");
    }
    checkKind(key, provider, field);
    return Secret.of(key);
  }

  private static String stripQuotes(String value) {
    if (value.length() >= 2) {
      char first = value.charAt(0);
      char last = value.charAt(value.length() - 1);
      if ((first == '"' || first == '\'') && first == last) {
        return value.substring(1, value.length() - 1);
      }
    }
    return value;
  }

  private static void checkCharacters(String key, String field) {
    for (int i = 0; i < key.length(); i++) {
      char c = key.charAt(i);
      if (Character.isWhitespace(c) || Character.isSpaceChar(c)) {
        throw MixAuthException.invalid(
            field + " contains whitespace at position " + (i + 1)
                + "; an API key is a single word, so check that exactly one key was pasted.");
      }
      if (Character.isISOControl(c)) {
        throw MixAuthException.invalid(
            field + " contains a control character (" + codePoint(c) + ") at position " + (i + 1)
                + "; paste the key again as plain text.");
      }
      if (c > 0x7e) {
        throw MixAuthException.invalid(
            field + " contains an invisible or non-ASCII character (" + codePoint(c) + ") at position "
                + (i + 1) + "; API keys are plain ASCII, so paste the key again as plain text.");
      }
    }
  }

  private void checkKind(String key, ProviderInfo provider, String field) {
    for (Map.Entry<String, String> oauth : OAUTH_TOKEN_PREFIXES.entrySet()) {
      if (key.startsWith(oauth.getKey())) {
        throw MixAuthException.invalid(
            field + " is " + oauth.getValue() + " (it starts with " + oauth.getKey() + "), not an API key."
                + " Sign in with POST /api/auth/oauth/anthropic instead, or paste an API key.");
      }
    }
    ProviderInfo owner = likelyOwner(key);
    if (owner != null && !owner.id().equals(provider.id())) {
      throw MixAuthException.invalid(
          field + " looks like " + article(owner.displayName()) + " key (" + Secret.of(key).hint() + "), not "
              + article(provider.displayName()) + " key. Store it with provider \"" + owner.id()
              + "\", or paste the " + provider.displayName() + " key.");
    }
  }

  /** Returns the provider whose longest distinctive prefix the key starts with, if any. */
  private ProviderInfo likelyOwner(String key) {
    ProviderInfo owner = null;
    int longest = 0;
    for (ProviderInfo candidate : registry.all()) {
      for (String prefix : candidate.keyPrefixes()) {
        if (key.startsWith(prefix) && prefix.length() > longest) {
          owner = candidate;
          longest = prefix.length();
        }
      }
    }
    return owner;
  }

  private static String article(String name) {
    return "AEIOU".indexOf(name.charAt(0)) >= 0 ? "an " + name : "a " + name;
  }

  private static String codePoint(char c) {
    return String.format("U+%04X", (int) c);
  }
}
