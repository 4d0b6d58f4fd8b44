package dev.mixauth.server.vault;

/**
 * Builds the short hint that replaces a key wherever people need to recognise it: the
 * provider prefix and the last four characters, such as {@code sk-or-v1-…a9F2}.
 */
public final class KeyHint {
  private static final int TAIL = 4;
  private static final int MAX_PREFIX = 13;
  private static final int MIN_LENGTH_FOR_TAIL = 16;

  private KeyHint() {}

  /**
   * Returns the hint for a value. The prefix runs to the last dash within the first 13 characters
   * (so {@code sk-ant-api03-} and {@code sk-or-v1-} stay whole); values shorter than 16
   * characters show no tail, because four characters of a short value reveal too much of it.
   */
  public static String of(String value) {
    if (value == null || value.isEmpty()) {
      return "…";
    }
    String head = value.substring(0, Math.min(MAX_PREFIX, value.length()));
    int lastDash = head.lastIndexOf('-');
    String prefix = lastDash > 0 && lastDash < value.length() - TAIL ? head.substring(0, lastDash + 1) : "";
    if (value.length() < MIN_LENGTH_FOR_TAIL) {
      return prefix + "…";
    }
    return prefix + "…" + value.substring(value.length() - TAIL);
  }
}
