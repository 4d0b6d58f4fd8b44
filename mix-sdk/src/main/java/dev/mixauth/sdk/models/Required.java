package dev.mixauth.sdk.models;

/** Null checks for the required fields of response records. */
final class Required {

  private Required() {}

  /**
   * Returns {@code value}, or throws when the response lacked the field or sent {@code null}.
   *
   * @throws IllegalArgumentException naming the JSON field
   */
  static <T> T field(T value, String jsonName) {
    if (value == null) {
      throw new IllegalArgumentException("required field '" + jsonName + "' is missing or null");
    }
    return value;
  }
}
