package dev.mixauth.sdk.models;

/**
 * Builds the short form of a secret that the SDK prints in place of API keys, OAuth codes and
 * states.
 *
 * <p>A hint keeps the prefix up to the last dash within the first 8 characters and the last 4
 * characters, so {@code sk-or-v1-0123456789abcdefa9F2} becomes {@code sk-or-…a9F2}. Values shorter
 * than 20 characters become {@code …}, because their ends would give away too large a part of them.
 */
public final class SecretHint {

  /** Length below which a hint shows nothing of the value. */
  static final int MIN_LENGTH_WITH_ENDS = 20;

  private static final int PREFIX_WINDOW = 8;
  private static final int SUFFIX_LENGTH = 4;
  private static final String ELLIPSIS = "…";

  private SecretHint() {}

  /** Returns the hint for {@code secret}, or {@code null} when {@code secret} is null. */
  public static String of(String secret) {
    if (secret == null) {
      return null;
    }
    if (secret.length() < MIN_LENGTH_WITH_ENDS) {
      return ELLIPSIS;
    }

    String window = secret.substring(0, PREFIX_WINDOW);
    String prefix = window.substring(0, window.lastIndexOf('-') + 1);
    String suffix = secret.substring(secret.length() - SUFFIX_LENGTH);
    return prefix + ELLIPSIS + suffix;
  }

  /**
   * Returns {@code url} without its query string and fragment, which may carry an OAuth state or a
   * PKCE challenge.
   */
  static String withoutQuery(String url) {
    if (url == null) {
      return null;
    }
    int end = url.length();
    int query = url.indexOf('?');
    int fragment = url.indexOf('#');
    if (query >= 0) {
      end = query;
    }
    if (fragment >= 0 && fragment < end) {
      end = fragment;
    }
    return end == url.length() ? url : url.substring(0, end) + "?" + ELLIPSIS;
  }
}
