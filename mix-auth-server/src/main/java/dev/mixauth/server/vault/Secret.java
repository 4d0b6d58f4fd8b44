package dev.mixauth.server.vault;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Objects;

/**
 * A key, token, code or verifier. {@link #toString()} prints only a hint, so a secret that ends up
 * in a log line, an exception or a record's generated {@code toString} does not leak; the value
 * itself is read only through {@link #reveal()}.
 */
public final class Secret {
  private final String value;

  private Secret(String value) {
    this.value = Objects.requireNonNull(value, "value");
  }

  public static Secret of(String value) {
    return new Secret(value);
  }

  /** Returns the plain value. Call it only where the value is sent or encrypted. */
  public String reveal() {
    return value;
  }

  public byte[] utf8() {
    return value.getBytes(StandardCharsets.UTF_8);
  }

  /** Returns a hint such as {@code sk-or-v1-…a9F2}; see {@link KeyHint}. */
  public String hint() {
    return KeyHint.of(value);
  }

  /** Compares in constant time for equal lengths. */
  public boolean sameAs(Secret other) {
    return other != null && MessageDigest.isEqual(utf8(), other.utf8());
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Secret && sameAs((Secret) other);
  }

  @Override
  public int hashCode() {
    return value.length();
  }

  @Override
  public String toString() {
    return "Secret[" + hint() + "]";
  }
}
