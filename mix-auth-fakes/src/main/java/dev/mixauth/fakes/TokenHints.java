package dev.mixauth.fakes;

/** Short, non-secret hints of tokens and keys for {@code toString} and log lines. */
final class TokenHints {

  private static final int PREFIX_SEARCH_LENGTH = 14;
  private static final int MIN_LENGTH_FOR_SUFFIX = 20;

  private TokenHints() {}

  /**
   * Returns the token's prefix up to its last dash among the first 14 characters, an ellipsis, and
   * the last four characters if the token is at least 20 characters long. For example {@code
   * sk-ant-oat01-…Q2xA}.
   */
  static String hint(String token) {
    if (token == null) {
      return "null";
    }

    int dash = token.substring(0, Math.min(token.length(), PREFIX_SEARCH_LENGTH)).lastIndexOf('-');
    String prefix = dash < 0 ? "" : token.substring(0, dash + 1);

    if (token.length() < MIN_LENGTH_FOR_SUFFIX) {
      return prefix + "…";
    }
    return prefix + "…" + token.substring(token.length() - 4);
  }
}
