package dev.mixauth.server.oauth;

import dev.mixauth.server.vault.Secret;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;

/** PKCE values (RFC 7636) with the S256 method, and the random state of a sign-in. */
public final class Pkce {
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();

  private Pkce() {}

  /** Returns a new code verifier: 32 random bytes in base64url, 43 characters (RFC 7636 4.1). */
  public static Secret newVerifier() {
    return Secret.of(randomBase64Url(32));
  }

  /** Returns a new state: 256 random bits in base64url, independent of the verifier. */
  public static String newState() {
    return randomBase64Url(32);
  }

  /** Returns {@code BASE64URL(SHA256(ASCII(verifier)))}, the S256 code challenge (RFC 7636 4.2). */
  public static String challenge(Secret verifier) {
    return BASE64URL.encodeToString(sha256(verifier.reveal().getBytes(StandardCharsets.US_ASCII)));
  }

  /** Returns SHA-256 of a string in lowercase hex, for looking up states and codes by hash. */
  public static String sha256Hex(String value) {
    byte[] digest = sha256(value.getBytes(StandardCharsets.UTF_8));
    StringBuilder hex = new StringBuilder(digest.length * 2);
    for (byte b : digest) {
      hex.append(Character.forDigit((b >> 4) & 0xf, 16)).append(Character.forDigit(b & 0xf, 16));
    }
    return hex.toString();
  }

  private static String randomBase64Url(int bytes) {
    byte[] random = new byte[bytes];
    RANDOM.nextBytes(random);
    return BASE64URL.encodeToString(random);
  }

  private static byte[] sha256(byte[] input) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(input);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("Every Java runtime provides SHA-256", e);
    }
  }
}
