package dev.mixauth.fakes;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.UUID;

/** Random codes and tokens in base64url, so that they are safe in URLs and forms. */
final class RandomTokens {

  private static final SecureRandom RANDOM = new SecureRandom();

  private RandomTokens() {}

  /** Returns {@code bytes} random bytes in base64url without padding, after the prefix. */
  static String next(String prefix, int bytes) {
    byte[] buffer = new byte[bytes];
    RANDOM.nextBytes(buffer);
    return prefix + Base64.getUrlEncoder().withoutPadding().encodeToString(buffer);
  }

  static String uuid() {
    return UUID.randomUUID().toString();
  }
}
