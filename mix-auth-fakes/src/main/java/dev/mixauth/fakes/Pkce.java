package dev.mixauth.fakes;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.regex.Pattern;

/** PKCE checks of RFC 7636 with the S256 method. */
final class Pkce {

  /**
   * Verifiers (section 4.1) and, in this fake, challenges: 43 to 128 characters of the unreserved
   * set {@code A-Z a-z 0-9 - . _ ~}.
   */
  private static final Pattern UNRESERVED_43_TO_128 = Pattern.compile("[A-Za-z0-9\\-._~]{43,128}");

  static final String FORMAT_HINT = "43 to 128 characters from A-Z a-z 0-9 - . _ ~";

  private Pkce() {}

  static boolean isWellFormed(String verifierOrChallenge) {
    return verifierOrChallenge != null
        && UNRESERVED_43_TO_128.matcher(verifierOrChallenge).matches();
  }

  /** Returns {@code BASE64URL(SHA256(ASCII(verifier)))} without padding (section 4.2). */
  static String s256Challenge(String verifier) {
    byte[] digest = sha256(verifier.getBytes(StandardCharsets.US_ASCII));
    return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
  }

  /** Returns whether the verifier hashes to the challenge, comparing in constant time. */
  static boolean matches(String verifier, String challenge) {
    byte[] expected = challenge.getBytes(StandardCharsets.US_ASCII);
    byte[] actual = s256Challenge(verifier).getBytes(StandardCharsets.US_ASCII);
    return MessageDigest.isEqual(expected, actual);
  }

  private static byte[] sha256(byte[] input) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(input);
    } catch (NoSuchAlgorithmException e) {
      // Every Java platform must provide SHA-256.
      throw new IllegalStateException("SHA-256 is not available", e);
    }
  }
}
